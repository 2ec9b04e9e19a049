# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'item_availability.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_ItemAvailabilityDialog(object):
    def setupUi(self, ItemAvailabilityDialog):
        if not ItemAvailabilityDialog.objectName():
            ItemAvailabilityDialog.setObjectName(u"ItemAvailabilityDialog")
        ItemAvailabilityDialog.setMinimumSize(QSize(720, 300))
        self.layout = QVBoxLayout(ItemAvailabilityDialog)
        self.layout.setObjectName(u"layout")
        self.titleLabel = QLabel(ItemAvailabilityDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.layout.addWidget(self.titleLabel)

        self.table = QTableView(ItemAvailabilityDialog)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)

        self.layout.addWidget(self.table)

        self.noteLabel = QLabel(ItemAvailabilityDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.layout.addWidget(self.noteLabel)

        self.buttonBox = QDialogButtonBox(ItemAvailabilityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(ItemAvailabilityDialog)

        QMetaObject.connectSlotsByName(ItemAvailabilityDialog)
    # setupUi

    def retranslateUi(self, ItemAvailabilityDialog):
        ItemAvailabilityDialog.setWindowTitle(QCoreApplication.translate("ItemAvailabilityDialog", u"Item Availability", None))
        self.titleLabel.setText("")
        self.noteLabel.setText(QCoreApplication.translate("ItemAvailabilityDialog", u"Pending: units not yet sold on open sale orders at the location. Available: on hand less pending (never below 0), as Assign counts it. On order: not yet received on open purchase orders.", None))
    # retranslateUi

