# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'commission_report.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

from xmart.ui.widgets.date_field import DateField

class Ui_CommissionReport(object):
    def setupUi(self, CommissionReport):
        if not CommissionReport.objectName():
            CommissionReport.setObjectName(u"CommissionReport")
        self.layout = QVBoxLayout(CommissionReport)
        self.layout.setObjectName(u"layout")
        self.rangeRow = QHBoxLayout()
        self.rangeRow.setObjectName(u"rangeRow")
        self.fromLabel = QLabel(CommissionReport)
        self.fromLabel.setObjectName(u"fromLabel")

        self.rangeRow.addWidget(self.fromLabel)

        self.fromEdit = DateField(CommissionReport)
        self.fromEdit.setObjectName(u"fromEdit")

        self.rangeRow.addWidget(self.fromEdit)

        self.toLabel = QLabel(CommissionReport)
        self.toLabel.setObjectName(u"toLabel")

        self.rangeRow.addWidget(self.toLabel)

        self.toEdit = DateField(CommissionReport)
        self.toEdit.setObjectName(u"toEdit")

        self.rangeRow.addWidget(self.toEdit)

        self.runButton = QPushButton(CommissionReport)
        self.runButton.setObjectName(u"runButton")

        self.rangeRow.addWidget(self.runButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rangeRow.addItem(self.spacer)

        self.printButton = QPushButton(CommissionReport)
        self.printButton.setObjectName(u"printButton")

        self.rangeRow.addWidget(self.printButton)

        self.pdfButton = QPushButton(CommissionReport)
        self.pdfButton.setObjectName(u"pdfButton")

        self.rangeRow.addWidget(self.pdfButton)

        self.csvButton = QPushButton(CommissionReport)
        self.csvButton.setObjectName(u"csvButton")

        self.rangeRow.addWidget(self.csvButton)

        self.xlsxButton = QPushButton(CommissionReport)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.rangeRow.addWidget(self.xlsxButton)


        self.layout.addLayout(self.rangeRow)

        self.datesError = QLabel(CommissionReport)
        self.datesError.setObjectName(u"datesError")
        self.datesError.setWordWrap(True)

        self.layout.addWidget(self.datesError)

        self.table = QTableView(CommissionReport)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)

        self.layout.addWidget(self.table)

        self.totalsLabel = QLabel(CommissionReport)
        self.totalsLabel.setObjectName(u"totalsLabel")

        self.layout.addWidget(self.totalsLabel)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CommissionReport)

        QMetaObject.connectSlotsByName(CommissionReport)
    # setupUi

    def retranslateUi(self, CommissionReport):
        self.fromLabel.setText(QCoreApplication.translate("CommissionReport", u"&From:", None))
        self.toLabel.setText(QCoreApplication.translate("CommissionReport", u"T&o:", None))
        self.runButton.setText(QCoreApplication.translate("CommissionReport", u"Sho&w", None))
        self.printButton.setText(QCoreApplication.translate("CommissionReport", u"Pri&nt\u2026", None))
        self.pdfButton.setText(QCoreApplication.translate("CommissionReport", u"Save &as PDF\u2026", None))
        self.csvButton.setText(QCoreApplication.translate("CommissionReport", u"Save as CS&V\u2026", None))
        self.xlsxButton.setText(QCoreApplication.translate("CommissionReport", u"E&xport to Excel\u2026", None))
        self.datesError.setText("")
        self.totalsLabel.setText("")
        pass
    # retranslateUi

