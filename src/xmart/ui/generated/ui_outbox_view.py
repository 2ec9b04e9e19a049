# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outbox_view.ui'
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
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_OutboxView(object):
    def setupUi(self, OutboxView):
        if not OutboxView.objectName():
            OutboxView.setObjectName(u"OutboxView")
        self.layout = QVBoxLayout(OutboxView)
        self.layout.setObjectName(u"layout")
        self.summaryLabel = QLabel(OutboxView)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.layout.addWidget(self.summaryLabel)

        self.table = QTableView(OutboxView)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)

        self.layout.addWidget(self.table)

        self.bodyView = QPlainTextEdit(OutboxView)
        self.bodyView.setObjectName(u"bodyView")
        self.bodyView.setReadOnly(True)

        self.layout.addWidget(self.bodyView)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.sendButton = QPushButton(OutboxView)
        self.sendButton.setObjectName(u"sendButton")

        self.buttons.addWidget(self.sendButton)

        self.retryButton = QPushButton(OutboxView)
        self.retryButton.setObjectName(u"retryButton")

        self.buttons.addWidget(self.retryButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.csvButton = QPushButton(OutboxView)
        self.csvButton.setObjectName(u"csvButton")

        self.buttons.addWidget(self.csvButton)

        self.xlsxButton = QPushButton(OutboxView)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.buttons.addWidget(self.xlsxButton)

        self.refreshButton = QPushButton(OutboxView)
        self.refreshButton.setObjectName(u"refreshButton")

        self.buttons.addWidget(self.refreshButton)


        self.layout.addLayout(self.buttons)


        self.retranslateUi(OutboxView)

        QMetaObject.connectSlotsByName(OutboxView)
    # setupUi

    def retranslateUi(self, OutboxView):
        self.summaryLabel.setText("")
        self.sendButton.setText(QCoreApplication.translate("OutboxView", u"Send Due &Now", None))
        self.retryButton.setText(QCoreApplication.translate("OutboxView", u"&Queue Again", None))
#if QT_CONFIG(tooltip)
        self.retryButton.setToolTip(QCoreApplication.translate("OutboxView", u"Send a failed or interrupted e-mail again", None))
#endif // QT_CONFIG(tooltip)
        self.csvButton.setText(QCoreApplication.translate("OutboxView", u"Save as CS&V\u2026", None))
        self.xlsxButton.setText(QCoreApplication.translate("OutboxView", u"E&xport to Excel\u2026", None))
        self.refreshButton.setText(QCoreApplication.translate("OutboxView", u"Re&fresh", None))
        pass
    # retranslateUi

