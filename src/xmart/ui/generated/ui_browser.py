# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'browser.ui'
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
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

from xmart.ui.widgets.date_field import DateField

class Ui_DocumentBrowser(object):
    def setupUi(self, DocumentBrowser):
        if not DocumentBrowser.objectName():
            DocumentBrowser.setObjectName(u"DocumentBrowser")
        self.layout = QVBoxLayout(DocumentBrowser)
        self.layout.setObjectName(u"layout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.numberEdit = QLineEdit(DocumentBrowser)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setClearButtonEnabled(True)
        self.numberEdit.setMaximumSize(QSize(110, 16777215))

        self.filterLayout.addWidget(self.numberEdit)

        self.fromLabel = QLabel(DocumentBrowser)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterLayout.addWidget(self.fromLabel)

        self.fromDate = DateField(DocumentBrowser)
        self.fromDate.setObjectName(u"fromDate")

        self.filterLayout.addWidget(self.fromDate)

        self.toLabel = QLabel(DocumentBrowser)
        self.toLabel.setObjectName(u"toLabel")

        self.filterLayout.addWidget(self.toLabel)

        self.toDate = DateField(DocumentBrowser)
        self.toDate.setObjectName(u"toDate")

        self.filterLayout.addWidget(self.toDate)

        self.partyEdit = QLineEdit(DocumentBrowser)
        self.partyEdit.setObjectName(u"partyEdit")
        self.partyEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.partyEdit)

        self.statusCombo = QComboBox(DocumentBrowser)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.storeCombo = QComboBox(DocumentBrowser)
        self.storeCombo.setObjectName(u"storeCombo")

        self.filterLayout.addWidget(self.storeCombo)


        self.layout.addLayout(self.filterLayout)

        self.filterError = QLabel(DocumentBrowser)
        self.filterError.setObjectName(u"filterError")
        self.filterError.setWordWrap(True)

        self.layout.addWidget(self.filterError)

        self.tableView = QTableView(DocumentBrowser)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setSortingEnabled(True)
        self.tableView.setWordWrap(False)

        self.layout.addWidget(self.tableView)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.countLabel = QLabel(DocumentBrowser)
        self.countLabel.setObjectName(u"countLabel")

        self.bottomLayout.addWidget(self.countLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomLayout.addItem(self.spacer)

        self.csvButton = QPushButton(DocumentBrowser)
        self.csvButton.setObjectName(u"csvButton")

        self.bottomLayout.addWidget(self.csvButton)

        self.xlsxButton = QPushButton(DocumentBrowser)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.bottomLayout.addWidget(self.xlsxButton)

        self.openButton = QPushButton(DocumentBrowser)
        self.openButton.setObjectName(u"openButton")

        self.bottomLayout.addWidget(self.openButton)


        self.layout.addLayout(self.bottomLayout)


        self.retranslateUi(DocumentBrowser)

        QMetaObject.connectSlotsByName(DocumentBrowser)
    # setupUi

    def retranslateUi(self, DocumentBrowser):
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("DocumentBrowser", u"Number", None))
        self.fromLabel.setText(QCoreApplication.translate("DocumentBrowser", u"From", None))
        self.toLabel.setText(QCoreApplication.translate("DocumentBrowser", u"to", None))
        self.partyEdit.setPlaceholderText(QCoreApplication.translate("DocumentBrowser", u"Customer", None))
        self.filterError.setText("")
        self.countLabel.setText("")
        self.csvButton.setText(QCoreApplication.translate("DocumentBrowser", u"Save as CS&V\u2026", None))
#if QT_CONFIG(tooltip)
        self.csvButton.setToolTip(QCoreApplication.translate("DocumentBrowser", u"Save the whole list, as filtered and sorted, as a CSV file", None))
#endif // QT_CONFIG(tooltip)
        self.xlsxButton.setText(QCoreApplication.translate("DocumentBrowser", u"E&xport to Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.xlsxButton.setToolTip(QCoreApplication.translate("DocumentBrowser", u"Save the whole list, as filtered and sorted, as an Excel workbook (.xlsx)", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("DocumentBrowser", u"&Open", None))
        pass
    # retranslateUi

