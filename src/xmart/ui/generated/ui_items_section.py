# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'items_section.ui'
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
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ItemsSection(object):
    def setupUi(self, ItemsSection):
        if not ItemsSection.objectName():
            ItemsSection.setObjectName(u"ItemsSection")
        self.layout = QVBoxLayout(ItemsSection)
        self.layout.setObjectName(u"layout")
        self.entryRow = QHBoxLayout()
        self.entryRow.setObjectName(u"entryRow")
        self.skuLabel = QLabel(ItemsSection)
        self.skuLabel.setObjectName(u"skuLabel")

        self.entryRow.addWidget(self.skuLabel)

        self.skuEdit = QLineEdit(ItemsSection)
        self.skuEdit.setObjectName(u"skuEdit")

        self.entryRow.addWidget(self.skuEdit)

        self.qtyLabel = QLabel(ItemsSection)
        self.qtyLabel.setObjectName(u"qtyLabel")

        self.entryRow.addWidget(self.qtyLabel)

        self.qtyEdit = QLineEdit(ItemsSection)
        self.qtyEdit.setObjectName(u"qtyEdit")
        self.qtyEdit.setMaximumSize(QSize(70, 16777215))
        self.qtyEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.entryRow.addWidget(self.qtyEdit)

        self.priceLabel = QLabel(ItemsSection)
        self.priceLabel.setObjectName(u"priceLabel")

        self.entryRow.addWidget(self.priceLabel)

        self.priceEdit = QLineEdit(ItemsSection)
        self.priceEdit.setObjectName(u"priceEdit")
        self.priceEdit.setMaximumSize(QSize(90, 16777215))
        self.priceEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.entryRow.addWidget(self.priceEdit)

        self.discountLabel = QLabel(ItemsSection)
        self.discountLabel.setObjectName(u"discountLabel")

        self.entryRow.addWidget(self.discountLabel)

        self.discountEdit = QLineEdit(ItemsSection)
        self.discountEdit.setObjectName(u"discountEdit")
        self.discountEdit.setMaximumSize(QSize(70, 16777215))
        self.discountEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.entryRow.addWidget(self.discountEdit)

        self.addButton = QPushButton(ItemsSection)
        self.addButton.setObjectName(u"addButton")

        self.entryRow.addWidget(self.addButton)


        self.layout.addLayout(self.entryRow)

        self.itemLabel = QLabel(ItemsSection)
        self.itemLabel.setObjectName(u"itemLabel")

        self.layout.addWidget(self.itemLabel)

        self.table = QTableView(ItemsSection)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)

        self.layout.addWidget(self.table)

        self.footer = QHBoxLayout()
        self.footer.setObjectName(u"footer")
        self.removeButton = QPushButton(ItemsSection)
        self.removeButton.setObjectName(u"removeButton")

        self.footer.addWidget(self.removeButton)

        self.globalLabel = QLabel(ItemsSection)
        self.globalLabel.setObjectName(u"globalLabel")

        self.footer.addWidget(self.globalLabel)

        self.globalEdit = QLineEdit(ItemsSection)
        self.globalEdit.setObjectName(u"globalEdit")
        self.globalEdit.setMaximumSize(QSize(70, 16777215))
        self.globalEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.footer.addWidget(self.globalEdit)

        self.globalError = QLabel(ItemsSection)
        self.globalError.setObjectName(u"globalError")
        self.globalError.setWordWrap(True)

        self.footer.addWidget(self.globalError)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer.addItem(self.spacer)

        self.totalsLabel = QLabel(ItemsSection)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.footer.addWidget(self.totalsLabel)


        self.layout.addLayout(self.footer)

#if QT_CONFIG(shortcut)
        self.skuLabel.setBuddy(self.skuEdit)
        self.qtyLabel.setBuddy(self.qtyEdit)
        self.priceLabel.setBuddy(self.priceEdit)
        self.discountLabel.setBuddy(self.discountEdit)
        self.globalLabel.setBuddy(self.globalEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.skuEdit, self.qtyEdit)
        QWidget.setTabOrder(self.qtyEdit, self.priceEdit)
        QWidget.setTabOrder(self.priceEdit, self.discountEdit)
        QWidget.setTabOrder(self.discountEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.table)
        QWidget.setTabOrder(self.table, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.globalEdit)

        self.retranslateUi(ItemsSection)

        QMetaObject.connectSlotsByName(ItemsSection)
    # setupUi

    def retranslateUi(self, ItemsSection):
        self.skuLabel.setText(QCoreApplication.translate("ItemsSection", u"&Item:", None))
        self.skuEdit.setPlaceholderText(QCoreApplication.translate("ItemsSection", u"SKU or description", None))
        self.qtyLabel.setText(QCoreApplication.translate("ItemsSection", u"&Qty:", None))
        self.qtyEdit.setText(QCoreApplication.translate("ItemsSection", u"1", None))
        self.priceLabel.setText(QCoreApplication.translate("ItemsSection", u"&Price:", None))
        self.discountLabel.setText(QCoreApplication.translate("ItemsSection", u"&Disc. %:", None))
        self.discountEdit.setPlaceholderText(QCoreApplication.translate("ItemsSection", u"0.00", None))
        self.addButton.setText(QCoreApplication.translate("ItemsSection", u"&Add Line", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ItemsSection", u"Add the line (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.itemLabel.setText("")
        self.removeButton.setText(QCoreApplication.translate("ItemsSection", u"&Remove Line", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("ItemsSection", u"Remove the selected line (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.globalLabel.setText(QCoreApplication.translate("ItemsSection", u"&Global discount %:", None))
        self.globalEdit.setPlaceholderText(QCoreApplication.translate("ItemsSection", u"0.00", None))
        self.globalError.setText("")
        self.totalsLabel.setText("")
        pass
    # retranslateUi

