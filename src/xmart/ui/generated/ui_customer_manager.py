# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customer_manager.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_CustomerManager(object):
    def setupUi(self, CustomerManager):
        if not CustomerManager.objectName():
            CustomerManager.setObjectName(u"CustomerManager")
        self.layout = QVBoxLayout(CustomerManager)
        self.layout.setObjectName(u"layout")
        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchLabel = QLabel(CustomerManager)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(CustomerManager)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.countLabel = QLabel(CustomerManager)
        self.countLabel.setObjectName(u"countLabel")

        self.searchRow.addWidget(self.countLabel)


        self.layout.addLayout(self.searchRow)

        self.splitter = QSplitter(CustomerManager)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.splitter.addWidget(self.table)
        self.historyBox = QGroupBox(self.splitter)
        self.historyBox.setObjectName(u"historyBox")
        self.historyLayout = QVBoxLayout(self.historyBox)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTable = QTableView(self.historyBox)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setTabKeyNavigation(False)

        self.historyLayout.addWidget(self.historyTable)

        self.historyTotalLabel = QLabel(self.historyBox)
        self.historyTotalLabel.setObjectName(u"historyTotalLabel")

        self.historyLayout.addWidget(self.historyTotalLabel)

        self.splitter.addWidget(self.historyBox)

        self.layout.addWidget(self.splitter)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.newButton = QPushButton(CustomerManager)
        self.newButton.setObjectName(u"newButton")

        self.buttons.addWidget(self.newButton)

        self.editButton = QPushButton(CustomerManager)
        self.editButton.setObjectName(u"editButton")

        self.buttons.addWidget(self.editButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.newOrderButton = QPushButton(CustomerManager)
        self.newOrderButton.setObjectName(u"newOrderButton")

        self.buttons.addWidget(self.newOrderButton)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CustomerManager)

        QMetaObject.connectSlotsByName(CustomerManager)
    # setupUi

    def retranslateUi(self, CustomerManager):
        self.searchLabel.setText(QCoreApplication.translate("CustomerManager", u"Se&arch:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CustomerManager", u"number, name, company, e-mail or phone", None))
        self.countLabel.setText("")
        self.historyBox.setTitle(QCoreApplication.translate("CustomerManager", u"Corporate sale orders", None))
        self.historyTotalLabel.setText("")
        self.newButton.setText(QCoreApplication.translate("CustomerManager", u"&New Customer\u2026", None))
        self.editButton.setText(QCoreApplication.translate("CustomerManager", u"&Edit\u2026", None))
        self.newOrderButton.setText(QCoreApplication.translate("CustomerManager", u"New &Order", None))
        pass
    # retranslateUi

