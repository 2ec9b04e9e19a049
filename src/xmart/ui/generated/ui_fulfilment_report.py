# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'fulfilment_report.ui'
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

from xmart.ui.widgets.range_box import RangeBox

class Ui_FulfilmentReport(object):
    def setupUi(self, FulfilmentReport):
        if not FulfilmentReport.objectName():
            FulfilmentReport.setObjectName(u"FulfilmentReport")
        self.layout = QVBoxLayout(FulfilmentReport)
        self.layout.setObjectName(u"layout")
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.modeLabel = QLabel(FulfilmentReport)
        self.modeLabel.setObjectName(u"modeLabel")

        self.filterRow.addWidget(self.modeLabel)

        self.modeCombo = QComboBox(FulfilmentReport)
        self.modeCombo.setObjectName(u"modeCombo")

        self.filterRow.addWidget(self.modeCombo)

        self.rangeBox = RangeBox(FulfilmentReport)
        self.rangeBox.setObjectName(u"rangeBox")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.rangeBox.sizePolicy().hasHeightForWidth())
        self.rangeBox.setSizePolicy(sizePolicy)

        self.filterRow.addWidget(self.rangeBox)

        self.runButton = QPushButton(FulfilmentReport)
        self.runButton.setObjectName(u"runButton")

        self.filterRow.addWidget(self.runButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.spacer)


        self.layout.addLayout(self.filterRow)

        self.table = QTableView(FulfilmentReport)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.layout.addWidget(self.table)

        self.totalsLabel = QLabel(FulfilmentReport)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.layout.addWidget(self.totalsLabel)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.csvButton = QPushButton(FulfilmentReport)
        self.csvButton.setObjectName(u"csvButton")

        self.bottomRow.addWidget(self.csvButton)

        self.xlsxButton = QPushButton(FulfilmentReport)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.bottomRow.addWidget(self.xlsxButton)


        self.layout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.modeLabel.setBuddy(self.modeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FulfilmentReport)

        self.runButton.setDefault(True)


        QMetaObject.connectSlotsByName(FulfilmentReport)
    # setupUi

    def retranslateUi(self, FulfilmentReport):
        self.modeLabel.setText(QCoreApplication.translate("FulfilmentReport", u"Select &by:", None))
        self.runButton.setText(QCoreApplication.translate("FulfilmentReport", u"Sho&w", None))
        self.totalsLabel.setText("")
        self.csvButton.setText(QCoreApplication.translate("FulfilmentReport", u"Save as CS&V\u2026", None))
        self.xlsxButton.setText(QCoreApplication.translate("FulfilmentReport", u"E&xport to Excel\u2026", None))
        pass
    # retranslateUi

