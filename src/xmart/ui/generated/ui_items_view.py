# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'items_view.ui'
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
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_ItemsView(object):
    def setupUi(self, ItemsView):
        if not ItemsView.objectName():
            ItemsView.setObjectName(u"ItemsView")
        self.layout = QVBoxLayout(ItemsView)
        self.layout.setObjectName(u"layout")
        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchLabel = QLabel(ItemsView)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(ItemsView)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.countLabel = QLabel(ItemsView)
        self.countLabel.setObjectName(u"countLabel")

        self.searchRow.addWidget(self.countLabel)


        self.layout.addLayout(self.searchRow)

        self.splitter = QSplitter(ItemsView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.itemsTable = QTableView(self.splitter)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemsTable.setAlternatingRowColors(True)
        self.splitter.addWidget(self.itemsTable)
        self.locationsBox = QGroupBox(self.splitter)
        self.locationsBox.setObjectName(u"locationsBox")
        self.locationsLayout = QVBoxLayout(self.locationsBox)
        self.locationsLayout.setObjectName(u"locationsLayout")
        self.locationsTable = QTableView(self.locationsBox)
        self.locationsTable.setObjectName(u"locationsTable")
        self.locationsTable.setAlternatingRowColors(True)
        self.locationsTable.setTabKeyNavigation(False)

        self.locationsLayout.addWidget(self.locationsTable)

        self.splitter.addWidget(self.locationsBox)

        self.layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ItemsView)

        QMetaObject.connectSlotsByName(ItemsView)
    # setupUi

    def retranslateUi(self, ItemsView):
        self.searchLabel.setText(QCoreApplication.translate("ItemsView", u"Se&arch:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ItemsView", u"part of the SKU or description", None))
        self.countLabel.setText("")
        self.locationsBox.setTitle(QCoreApplication.translate("ItemsView", u"By location", None))
        pass
    # retranslateUi

