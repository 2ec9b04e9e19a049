# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'order_settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_OrderSettingsDialog(object):
    def setupUi(self, OrderSettingsDialog):
        if not OrderSettingsDialog.objectName():
            OrderSettingsDialog.setObjectName(u"OrderSettingsDialog")
        OrderSettingsDialog.setMinimumSize(QSize(560, 380))
        self.layout = QVBoxLayout(OrderSettingsDialog)
        self.layout.setObjectName(u"layout")
        self.hintLabel = QLabel(OrderSettingsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.layout.addWidget(self.hintLabel)

        self.table = QTableWidget(OrderSettingsDialog)
        self.table.setObjectName(u"table")

        self.layout.addWidget(self.table)

        self.rowButtons = QHBoxLayout()
        self.rowButtons.setObjectName(u"rowButtons")
        self.addButton = QPushButton(OrderSettingsDialog)
        self.addButton.setObjectName(u"addButton")

        self.rowButtons.addWidget(self.addButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rowButtons.addItem(self.spacer)


        self.layout.addLayout(self.rowButtons)

        self.errorLabel = QLabel(OrderSettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(OrderSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(OrderSettingsDialog)

        QMetaObject.connectSlotsByName(OrderSettingsDialog)
    # setupUi

    def retranslateUi(self, OrderSettingsDialog):
        OrderSettingsDialog.setWindowTitle(QCoreApplication.translate("OrderSettingsDialog", u"Order Entry Settings", None))
        self.hintLabel.setText(QCoreApplication.translate("OrderSettingsDialog", u"Double-click a cell to change it. Rows are never deleted: clear \"Active\" to stop offering one.", None))
        self.addButton.setText(QCoreApplication.translate("OrderSettingsDialog", u"&Add Row", None))
        self.errorLabel.setText("")
    # retranslateUi

