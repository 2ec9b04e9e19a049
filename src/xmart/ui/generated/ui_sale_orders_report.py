# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sale_orders_report.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

from xmart.ui.widgets.date_field import DateField

class Ui_SaleOrdersReport(object):
    def setupUi(self, SaleOrdersReport):
        if not SaleOrdersReport.objectName():
            SaleOrdersReport.setObjectName(u"SaleOrdersReport")
        self.layout = QVBoxLayout(SaleOrdersReport)
        self.layout.setObjectName(u"layout")
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.fromLabel = QLabel(SaleOrdersReport)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterRow.addWidget(self.fromLabel)

        self.fromEdit = DateField(SaleOrdersReport)
        self.fromEdit.setObjectName(u"fromEdit")

        self.filterRow.addWidget(self.fromEdit)

        self.toLabel = QLabel(SaleOrdersReport)
        self.toLabel.setObjectName(u"toLabel")

        self.filterRow.addWidget(self.toLabel)

        self.toEdit = DateField(SaleOrdersReport)
        self.toEdit.setObjectName(u"toEdit")

        self.filterRow.addWidget(self.toEdit)

        self.storeLabel = QLabel(SaleOrdersReport)
        self.storeLabel.setObjectName(u"storeLabel")

        self.filterRow.addWidget(self.storeLabel)

        self.storeCombo = QComboBox(SaleOrdersReport)
        self.storeCombo.setObjectName(u"storeCombo")
        self.storeCombo.setMinimumContentsLength(14)
        self.storeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterRow.addWidget(self.storeCombo)

        self.runButton = QPushButton(SaleOrdersReport)
        self.runButton.setObjectName(u"runButton")

        self.filterRow.addWidget(self.runButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.spacer)


        self.layout.addLayout(self.filterRow)

        self.errorLabel = QLabel(SaleOrdersReport)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.table = QTableView(SaleOrdersReport)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.layout.addWidget(self.table)

        self.totalsLabel = QLabel(SaleOrdersReport)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.layout.addWidget(self.totalsLabel)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.pdfButton = QPushButton(SaleOrdersReport)
        self.pdfButton.setObjectName(u"pdfButton")

        self.bottomRow.addWidget(self.pdfButton)

        self.csvButton = QPushButton(SaleOrdersReport)
        self.csvButton.setObjectName(u"csvButton")

        self.bottomRow.addWidget(self.csvButton)

        self.xlsxButton = QPushButton(SaleOrdersReport)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.bottomRow.addWidget(self.xlsxButton)


        self.layout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
        self.storeLabel.setBuddy(self.storeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SaleOrdersReport)

        self.runButton.setDefault(True)


        QMetaObject.connectSlotsByName(SaleOrdersReport)
    # setupUi

    def retranslateUi(self, SaleOrdersReport):
        self.fromLabel.setText(QCoreApplication.translate("SaleOrdersReport", u"&From:", None))
        self.toLabel.setText(QCoreApplication.translate("SaleOrdersReport", u"T&o:", None))
        self.storeLabel.setText(QCoreApplication.translate("SaleOrdersReport", u"Stor&e:", None))
        self.runButton.setText(QCoreApplication.translate("SaleOrdersReport", u"Sho&w", None))
        self.errorLabel.setText("")
        self.totalsLabel.setText("")
        self.pdfButton.setText(QCoreApplication.translate("SaleOrdersReport", u"Save &as PDF\u2026", None))
        self.csvButton.setText(QCoreApplication.translate("SaleOrdersReport", u"Save as CS&V\u2026", None))
        self.xlsxButton.setText(QCoreApplication.translate("SaleOrdersReport", u"E&xport to Excel\u2026", None))
        pass
    # retranslateUi

