# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'store_selector.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_StoreSelector(object):
    def setupUi(self, StoreSelector):
        if not StoreSelector.objectName():
            StoreSelector.setObjectName(u"StoreSelector")
        self.layout = QVBoxLayout(StoreSelector)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.searchEdit = QLineEdit(StoreSelector)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.layout.addWidget(self.searchEdit)

        self.storeList = QListWidget(StoreSelector)
        self.storeList.setObjectName(u"storeList")
        self.storeList.setMinimumSize(QSize(0, 140))
        self.storeList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.storeList.setAlternatingRowColors(True)

        self.layout.addWidget(self.storeList)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.allButton = QPushButton(StoreSelector)
        self.allButton.setObjectName(u"allButton")
        self.allButton.setAutoDefault(False)

        self.buttons.addWidget(self.allButton)

        self.noneButton = QPushButton(StoreSelector)
        self.noneButton.setObjectName(u"noneButton")
        self.noneButton.setAutoDefault(False)

        self.buttons.addWidget(self.noneButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.countLabel = QLabel(StoreSelector)
        self.countLabel.setObjectName(u"countLabel")

        self.buttons.addWidget(self.countLabel)


        self.layout.addLayout(self.buttons)

        self.errorLabel = QLabel(StoreSelector)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(False)

        self.layout.addWidget(self.errorLabel)


        self.retranslateUi(StoreSelector)

        QMetaObject.connectSlotsByName(StoreSelector)
    # setupUi

    def retranslateUi(self, StoreSelector):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("StoreSelector", u"Search by code or name", None))
        self.allButton.setText(QCoreApplication.translate("StoreSelector", u"Select &All", None))
        self.noneButton.setText(QCoreApplication.translate("StoreSelector", u"Select N&one", None))
        self.countLabel.setText("")
        self.errorLabel.setText("")
        pass
    # retranslateUi

