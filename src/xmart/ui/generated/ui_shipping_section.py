# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shipping_section.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from xmart.ui.widgets.address_box import AddressBox
from xmart.ui.widgets.elided_label import ElidedLabel

class Ui_ShippingSection(object):
    def setupUi(self, ShippingSection):
        if not ShippingSection.objectName():
            ShippingSection.setObjectName(u"ShippingSection")
        self.layout = QVBoxLayout(ShippingSection)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.methodLabel = QLabel(ShippingSection)
        self.methodLabel.setObjectName(u"methodLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(ShippingSection)
        self.methodCombo.setObjectName(u"methodCombo")
        self.methodCombo.setEditable(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.costLabel = QLabel(ShippingSection)
        self.costLabel.setObjectName(u"costLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.costLabel)

        self.costEdit = QLineEdit(ShippingSection)
        self.costEdit.setObjectName(u"costEdit")
        self.costEdit.setMaximumSize(QSize(120, 16777215))
        self.costEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.costEdit)

        self.costError = QLabel(ShippingSection)
        self.costError.setObjectName(u"costError")
        self.costError.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.costError)


        self.layout.addLayout(self.form)

        self.addressGroup = QGroupBox(ShippingSection)
        self.addressGroup.setObjectName(u"addressGroup")
        self.addressLayout = QVBoxLayout(self.addressGroup)
        self.addressLayout.setObjectName(u"addressLayout")
        self.shipNameLabel = ElidedLabel(self.addressGroup)
        self.shipNameLabel.setObjectName(u"shipNameLabel")

        self.addressLayout.addWidget(self.shipNameLabel)

        self.addressBox = AddressBox(self.addressGroup)
        self.addressBox.setObjectName(u"addressBox")

        self.addressLayout.addWidget(self.addressBox)


        self.layout.addWidget(self.addressGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.methodLabel.setBuddy(self.methodCombo)
        self.costLabel.setBuddy(self.costEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.methodCombo, self.costEdit)

        self.retranslateUi(ShippingSection)

        QMetaObject.connectSlotsByName(ShippingSection)
    # setupUi

    def retranslateUi(self, ShippingSection):
        self.methodLabel.setText(QCoreApplication.translate("ShippingSection", u"Method:", None))
        self.costLabel.setText(QCoreApplication.translate("ShippingSection", u"C&ost:", None))
        self.costEdit.setPlaceholderText(QCoreApplication.translate("ShippingSection", u"0.00", None))
        self.costError.setText("")
        self.addressGroup.setTitle(QCoreApplication.translate("ShippingSection", u"Ship to", None))
        self.shipNameLabel.setText("")
        pass
    # retranslateUi

