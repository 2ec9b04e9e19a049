# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'store_sync.ui'
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
    QSplitter, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

from xmart.ui.widgets.date_field import DateField

class Ui_StoreSync(object):
    def setupUi(self, StoreSync):
        if not StoreSync.objectName():
            StoreSync.setObjectName(u"StoreSync")
        self.layout = QVBoxLayout(StoreSync)
        self.layout.setObjectName(u"layout")
        self.roleLabel = QLabel(StoreSync)
        self.roleLabel.setObjectName(u"roleLabel")
        self.roleLabel.setWordWrap(True)

        self.layout.addWidget(self.roleLabel)

        self.transferRow = QHBoxLayout()
        self.transferRow.setObjectName(u"transferRow")
        self.exportButton = QPushButton(StoreSync)
        self.exportButton.setObjectName(u"exportButton")

        self.transferRow.addWidget(self.exportButton)

        self.importButton = QPushButton(StoreSync)
        self.importButton.setObjectName(u"importButton")

        self.transferRow.addWidget(self.importButton)

        self.folderLabel = QLabel(StoreSync)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.transferRow.addWidget(self.folderLabel)

        self.folderButton = QPushButton(StoreSync)
        self.folderButton.setObjectName(u"folderButton")

        self.transferRow.addWidget(self.folderButton)

        self.transferSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.transferRow.addItem(self.transferSpacer)

        self.refreshButton = QPushButton(StoreSync)
        self.refreshButton.setObjectName(u"refreshButton")

        self.transferRow.addWidget(self.refreshButton)


        self.layout.addLayout(self.transferRow)

        self.resultLabel = QLabel(StoreSync)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.resultLabel)

        self.splitter = QSplitter(StoreSync)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.peersPane = QWidget(self.splitter)
        self.peersPane.setObjectName(u"peersPane")
        self.peersLayout = QVBoxLayout(self.peersPane)
        self.peersLayout.setObjectName(u"peersLayout")
        self.peersLayout.setContentsMargins(0, 0, 0, 0)
        self.peersTable = QTableView(self.peersPane)
        self.peersTable.setObjectName(u"peersTable")
        self.peersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peersTable.setAlternatingRowColors(True)
        self.peersTable.setWordWrap(False)

        self.peersLayout.addWidget(self.peersTable)

        self.resendRow = QHBoxLayout()
        self.resendRow.setObjectName(u"resendRow")
        self.resendLabel = QLabel(self.peersPane)
        self.resendLabel.setObjectName(u"resendLabel")

        self.resendRow.addWidget(self.resendLabel)

        self.resendDate = DateField(self.peersPane)
        self.resendDate.setObjectName(u"resendDate")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resendDate.sizePolicy().hasHeightForWidth())
        self.resendDate.setSizePolicy(sizePolicy)

        self.resendRow.addWidget(self.resendDate)

        self.resendButton = QPushButton(self.peersPane)
        self.resendButton.setObjectName(u"resendButton")

        self.resendRow.addWidget(self.resendButton)

        self.resendError = QLabel(self.peersPane)
        self.resendError.setObjectName(u"resendError")
        self.resendError.setWordWrap(True)

        self.resendRow.addWidget(self.resendError)

        self.resendSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resendRow.addItem(self.resendSpacer)


        self.peersLayout.addLayout(self.resendRow)

        self.splitter.addWidget(self.peersPane)
        self.detailTabs = QTabWidget(self.splitter)
        self.detailTabs.setObjectName(u"detailTabs")
        self.conflictsTab = QWidget()
        self.conflictsTab.setObjectName(u"conflictsTab")
        self.conflictsLayout = QVBoxLayout(self.conflictsTab)
        self.conflictsLayout.setObjectName(u"conflictsLayout")
        self.conflictsTable = QTableView(self.conflictsTab)
        self.conflictsTable.setObjectName(u"conflictsTable")
        self.conflictsTable.setAlternatingRowColors(True)
        self.conflictsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflictsTable.setWordWrap(False)

        self.conflictsLayout.addWidget(self.conflictsTable)

        self.detailTabs.addTab(self.conflictsTab, "")
        self.refusedTab = QWidget()
        self.refusedTab.setObjectName(u"refusedTab")
        self.refusedLayout = QVBoxLayout(self.refusedTab)
        self.refusedLayout.setObjectName(u"refusedLayout")
        self.refusedTable = QTableView(self.refusedTab)
        self.refusedTable.setObjectName(u"refusedTable")
        self.refusedTable.setAlternatingRowColors(True)
        self.refusedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.refusedTable.setWordWrap(False)

        self.refusedLayout.addWidget(self.refusedTable)

        self.detailTabs.addTab(self.refusedTab, "")
        self.splitter.addWidget(self.detailTabs)

        self.layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.resendLabel.setBuddy(self.resendDate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StoreSync)

        QMetaObject.connectSlotsByName(StoreSync)
    # setupUi

    def retranslateUi(self, StoreSync):
        self.roleLabel.setText("")
        self.exportButton.setText(QCoreApplication.translate("StoreSync", u"&Export Packages\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("StoreSync", u"Write the next package for each store into the export folder (chosen once, then remembered)", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("StoreSync", u"&Import Packages\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("StoreSync", u"Apply every package in a folder, one transaction each; refused ones are kept aside with their reason", None))
#endif // QT_CONFIG(tooltip)
        self.folderLabel.setText("")
        self.folderButton.setText(QCoreApplication.translate("StoreSync", u"Change F&older\u2026", None))
#if QT_CONFIG(tooltip)
        self.folderButton.setToolTip(QCoreApplication.translate("StoreSync", u"Choose the folder packages are exported to", None))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(QCoreApplication.translate("StoreSync", u"Re&fresh", None))
        self.resultLabel.setText("")
        self.resendLabel.setText(QCoreApplication.translate("StoreSync", u"Resend fro&m:", None))
        self.resendButton.setText(QCoreApplication.translate("StoreSync", u"&Ask to Resend", None))
#if QT_CONFIG(tooltip)
        self.resendButton.setToolTip(QCoreApplication.translate("StoreSync", u"Ask the selected peer to send again everything from this date (travels with the next export)", None))
#endif // QT_CONFIG(tooltip)
        self.resendError.setText("")
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.conflictsTab), QCoreApplication.translate("StoreSync", u"&Conflicts", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.refusedTab), QCoreApplication.translate("StoreSync", u"Refused Pac&kages", None))
        pass
    # retranslateUi

