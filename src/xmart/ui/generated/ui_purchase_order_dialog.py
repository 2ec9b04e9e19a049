# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'purchase_order_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QGridLayout, QGroupBox, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from xmart.ui.widgets.date_field import DateField
from xmart.ui.widgets.range_box import RangeBox

class Ui_PurchaseOrderDialog(object):
    def setupUi(self, PurchaseOrderDialog):
        if not PurchaseOrderDialog.objectName():
            PurchaseOrderDialog.setObjectName(u"PurchaseOrderDialog")
        PurchaseOrderDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(PurchaseOrderDialog)
        self.layout.setObjectName(u"layout")
        self.printCheck = QCheckBox(PurchaseOrderDialog)
        self.printCheck.setObjectName(u"printCheck")

        self.layout.addWidget(self.printCheck)

        self.rangeGroup = QGroupBox(PurchaseOrderDialog)
        self.rangeGroup.setObjectName(u"rangeGroup")
        self.rangeLayout = QVBoxLayout(self.rangeGroup)
        self.rangeLayout.setObjectName(u"rangeLayout")
        self.rangeBox = RangeBox(self.rangeGroup)
        self.rangeBox.setObjectName(u"rangeBox")

        self.rangeLayout.addWidget(self.rangeBox)


        self.layout.addWidget(self.rangeGroup)

        self.datesGroup = QGroupBox(PurchaseOrderDialog)
        self.datesGroup.setObjectName(u"datesGroup")
        self.datesLayout = QGridLayout(self.datesGroup)
        self.datesLayout.setObjectName(u"datesLayout")
        self.deliveryLabel = QLabel(self.datesGroup)
        self.deliveryLabel.setObjectName(u"deliveryLabel")

        self.datesLayout.addWidget(self.deliveryLabel, 0, 0, 1, 1)

        self.deliveryEdit = DateField(self.datesGroup)
        self.deliveryEdit.setObjectName(u"deliveryEdit")

        self.datesLayout.addWidget(self.deliveryEdit, 0, 1, 1, 1)

        self.cancelLabel = QLabel(self.datesGroup)
        self.cancelLabel.setObjectName(u"cancelLabel")

        self.datesLayout.addWidget(self.cancelLabel, 0, 2, 1, 1)

        self.cancelEdit = DateField(self.datesGroup)
        self.cancelEdit.setObjectName(u"cancelEdit")

        self.datesLayout.addWidget(self.cancelEdit, 0, 3, 1, 1)

        self.datesError = QLabel(self.datesGroup)
        self.datesError.setObjectName(u"datesError")
        self.datesError.setWordWrap(False)

        self.datesLayout.addWidget(self.datesError, 1, 0, 1, 4)


        self.layout.addWidget(self.datesGroup)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.stretch)

        self.buttonBox = QDialogButtonBox(PurchaseOrderDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.deliveryLabel.setBuddy(self.deliveryEdit)
        self.cancelLabel.setBuddy(self.cancelEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PurchaseOrderDialog)

        QMetaObject.connectSlotsByName(PurchaseOrderDialog)
    # setupUi

    def retranslateUi(self, PurchaseOrderDialog):
        PurchaseOrderDialog.setWindowTitle(QCoreApplication.translate("PurchaseOrderDialog", u"Purchase Orders for Corporate Sale Orders", None))
        self.printCheck.setText(QCoreApplication.translate("PurchaseOrderDialog", u"Print the &generated purchase orders", None))
        self.rangeGroup.setTitle(QCoreApplication.translate("PurchaseOrderDialog", u"Corporate sale orders", None))
        self.datesGroup.setTitle(QCoreApplication.translate("PurchaseOrderDialog", u"Purchase orders", None))
        self.deliveryLabel.setText(QCoreApplication.translate("PurchaseOrderDialog", u"&Delivery date:", None))
        self.cancelLabel.setText(QCoreApplication.translate("PurchaseOrderDialog", u"Ca&ncel date:", None))
        self.datesError.setText("")
    # retranslateUi

