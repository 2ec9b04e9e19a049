# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'web_orders.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_WebOrdersView(object):
    def setupUi(self, WebOrdersView):
        if not WebOrdersView.objectName():
            WebOrdersView.setObjectName(u"WebOrdersView")
        self.layout = QVBoxLayout(WebOrdersView)
        self.layout.setObjectName(u"layout")
        self.importRow = QHBoxLayout()
        self.importRow.setObjectName(u"importRow")
        self.sourceLabel = QLabel(WebOrdersView)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.importRow.addWidget(self.sourceLabel)

        self.sourceCombo = QComboBox(WebOrdersView)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.importRow.addWidget(self.sourceCombo)

        self.importButton = QPushButton(WebOrdersView)
        self.importButton.setObjectName(u"importButton")

        self.importRow.addWidget(self.importButton)

        self.watchButton = QPushButton(WebOrdersView)
        self.watchButton.setObjectName(u"watchButton")

        self.importRow.addWidget(self.watchButton)

        self.stopWatchButton = QPushButton(WebOrdersView)
        self.stopWatchButton.setObjectName(u"stopWatchButton")

        self.importRow.addWidget(self.stopWatchButton)

        self.watchLabel = QLabel(WebOrdersView)
        self.watchLabel.setObjectName(u"watchLabel")

        self.importRow.addWidget(self.watchLabel)

        self.importSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.importRow.addItem(self.importSpacer)

        self.refreshButton = QPushButton(WebOrdersView)
        self.refreshButton.setObjectName(u"refreshButton")

        self.importRow.addWidget(self.refreshButton)


        self.layout.addLayout(self.importRow)

        self.reviewBox = QGroupBox(WebOrdersView)
        self.reviewBox.setObjectName(u"reviewBox")
        self.reviewLayout = QVBoxLayout(self.reviewBox)
        self.reviewLayout.setObjectName(u"reviewLayout")
        self.heldTable = QTableView(self.reviewBox)
        self.heldTable.setObjectName(u"heldTable")
        self.heldTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.heldTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heldTable.setAlternatingRowColors(True)

        self.reviewLayout.addWidget(self.heldTable)

        self.mapRow = QHBoxLayout()
        self.mapRow.setObjectName(u"mapRow")
        self.webSkuLabel = QLabel(self.reviewBox)
        self.webSkuLabel.setObjectName(u"webSkuLabel")

        self.mapRow.addWidget(self.webSkuLabel)

        self.webSkuEdit = QLineEdit(self.reviewBox)
        self.webSkuEdit.setObjectName(u"webSkuEdit")
        self.webSkuEdit.setMaxLength(64)

        self.mapRow.addWidget(self.webSkuEdit)

        self.itemSkuLabel = QLabel(self.reviewBox)
        self.itemSkuLabel.setObjectName(u"itemSkuLabel")

        self.mapRow.addWidget(self.itemSkuLabel)

        self.itemSkuEdit = QLineEdit(self.reviewBox)
        self.itemSkuEdit.setObjectName(u"itemSkuEdit")
        self.itemSkuEdit.setMaxLength(40)

        self.mapRow.addWidget(self.itemSkuEdit)

        self.mapButton = QPushButton(self.reviewBox)
        self.mapButton.setObjectName(u"mapButton")

        self.mapRow.addWidget(self.mapButton)

        self.mapSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mapRow.addItem(self.mapSpacer)

        self.retryButton = QPushButton(self.reviewBox)
        self.retryButton.setObjectName(u"retryButton")

        self.mapRow.addWidget(self.retryButton)


        self.reviewLayout.addLayout(self.mapRow)


        self.layout.addWidget(self.reviewBox)

        self.runsBox = QGroupBox(WebOrdersView)
        self.runsBox.setObjectName(u"runsBox")
        self.runsLayout = QVBoxLayout(self.runsBox)
        self.runsLayout.setObjectName(u"runsLayout")
        self.runsTable = QTableView(self.runsBox)
        self.runsTable.setObjectName(u"runsTable")
        self.runsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.runsTable.setAlternatingRowColors(True)

        self.runsLayout.addWidget(self.runsTable)

        self.runView = QPlainTextEdit(self.runsBox)
        self.runView.setObjectName(u"runView")
        self.runView.setReadOnly(True)
        self.runView.setMaximumBlockCount(2000)

        self.runsLayout.addWidget(self.runView)


        self.layout.addWidget(self.runsBox)

#if QT_CONFIG(shortcut)
        self.sourceLabel.setBuddy(self.sourceCombo)
        self.webSkuLabel.setBuddy(self.webSkuEdit)
        self.itemSkuLabel.setBuddy(self.itemSkuEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WebOrdersView)

        QMetaObject.connectSlotsByName(WebOrdersView)
    # setupUi

    def retranslateUi(self, WebOrdersView):
        self.sourceLabel.setText(QCoreApplication.translate("WebOrdersView", u"Sour&ce:", None))
        self.importButton.setText(QCoreApplication.translate("WebOrdersView", u"&Import Files\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("WebOrdersView", u"Import web store order files (JSON) now", None))
#endif // QT_CONFIG(tooltip)
        self.watchButton.setText(QCoreApplication.translate("WebOrdersView", u"Watch F&older\u2026", None))
#if QT_CONFIG(tooltip)
        self.watchButton.setToolTip(QCoreApplication.translate("WebOrdersView", u"Import every order file that lands in a folder, as it arrives", None))
#endif // QT_CONFIG(tooltip)
        self.stopWatchButton.setText(QCoreApplication.translate("WebOrdersView", u"Stop Watchin&g", None))
        self.watchLabel.setText(QCoreApplication.translate("WebOrdersView", u"No folder watched.", None))
        self.refreshButton.setText(QCoreApplication.translate("WebOrdersView", u"Re&fresh", None))
        self.reviewBox.setTitle(QCoreApplication.translate("WebOrdersView", u"Held for review", None))
        self.webSkuLabel.setText(QCoreApplication.translate("WebOrdersView", u"&Web SKU:", None))
        self.itemSkuLabel.setText(QCoreApplication.translate("WebOrdersView", u"It&em SKU:", None))
        self.mapButton.setText(QCoreApplication.translate("WebOrdersView", u"&Map SKU", None))
#if QT_CONFIG(tooltip)
        self.mapButton.setToolTip(QCoreApplication.translate("WebOrdersView", u"Let the web store's SKU stand for this xmart item", None))
#endif // QT_CONFIG(tooltip)
        self.retryButton.setText(QCoreApplication.translate("WebOrdersView", u"Retry He&ld Orders", None))
#if QT_CONFIG(tooltip)
        self.retryButton.setToolTip(QCoreApplication.translate("WebOrdersView", u"Take the held orders again with today's items and SKU mappings", None))
#endif // QT_CONFIG(tooltip)
        self.runsBox.setTitle(QCoreApplication.translate("WebOrdersView", u"Last runs", None))
        pass
    # retranslateUi

