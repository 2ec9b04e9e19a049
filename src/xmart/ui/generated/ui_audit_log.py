# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_log.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

from xmart.ui.widgets.date_field import DateField

class Ui_AuditLog(object):
    def setupUi(self, AuditLog):
        if not AuditLog.objectName():
            AuditLog.setObjectName(u"AuditLog")
        self.layout = QVBoxLayout(AuditLog)
        self.layout.setObjectName(u"layout")
        self.rangeRow = QHBoxLayout()
        self.rangeRow.setObjectName(u"rangeRow")
        self.fromLabel = QLabel(AuditLog)
        self.fromLabel.setObjectName(u"fromLabel")

        self.rangeRow.addWidget(self.fromLabel)

        self.fromEdit = DateField(AuditLog)
        self.fromEdit.setObjectName(u"fromEdit")

        self.rangeRow.addWidget(self.fromEdit)

        self.toLabel = QLabel(AuditLog)
        self.toLabel.setObjectName(u"toLabel")

        self.rangeRow.addWidget(self.toLabel)

        self.toEdit = DateField(AuditLog)
        self.toEdit.setObjectName(u"toEdit")

        self.rangeRow.addWidget(self.toEdit)

        self.runButton = QPushButton(AuditLog)
        self.runButton.setObjectName(u"runButton")

        self.rangeRow.addWidget(self.runButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rangeRow.addItem(self.spacer)

        self.verifyButton = QPushButton(AuditLog)
        self.verifyButton.setObjectName(u"verifyButton")

        self.rangeRow.addWidget(self.verifyButton)


        self.layout.addLayout(self.rangeRow)

        self.datesError = QLabel(AuditLog)
        self.datesError.setObjectName(u"datesError")
        self.datesError.setWordWrap(True)

        self.layout.addWidget(self.datesError)

        self.verifyLabel = QLabel(AuditLog)
        self.verifyLabel.setObjectName(u"verifyLabel")
        self.verifyLabel.setWordWrap(True)
        self.verifyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.verifyLabel)

        self.table = QTableView(AuditLog)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)

        self.layout.addWidget(self.table)

        self.countLabel = QLabel(AuditLog)
        self.countLabel.setObjectName(u"countLabel")

        self.layout.addWidget(self.countLabel)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AuditLog)

        QMetaObject.connectSlotsByName(AuditLog)
    # setupUi

    def retranslateUi(self, AuditLog):
        self.fromLabel.setText(QCoreApplication.translate("AuditLog", u"&From:", None))
        self.toLabel.setText(QCoreApplication.translate("AuditLog", u"T&o:", None))
        self.runButton.setText(QCoreApplication.translate("AuditLog", u"Sho&w", None))
        self.verifyButton.setText(QCoreApplication.translate("AuditLog", u"&Verify Chain", None))
#if QT_CONFIG(tooltip)
        self.verifyButton.setToolTip(QCoreApplication.translate("AuditLog", u"Check that no entry of the audit log was changed or removed", None))
#endif // QT_CONFIG(tooltip)
        self.datesError.setText("")
        self.verifyLabel.setText("")
        self.countLabel.setText("")
        pass
    # retranslateUi

