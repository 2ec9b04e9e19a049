# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'address_box.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

class Ui_AddressBox(object):
    def setupUi(self, AddressBox):
        if not AddressBox.objectName():
            AddressBox.setObjectName(u"AddressBox")
        self.form = QFormLayout(AddressBox)
        self.form.setObjectName(u"form")
        self.form.setContentsMargins(0, 0, 0, 0)
        self.line1Label = QLabel(AddressBox)
        self.line1Label.setObjectName(u"line1Label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.line1Label)

        self.line1Edit = QLineEdit(AddressBox)
        self.line1Edit.setObjectName(u"line1Edit")
        self.line1Edit.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.line1Edit)

        self.line2Label = QLabel(AddressBox)
        self.line2Label.setObjectName(u"line2Label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.line2Label)

        self.line2Edit = QLineEdit(AddressBox)
        self.line2Edit.setObjectName(u"line2Edit")
        self.line2Edit.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.line2Edit)

        self.cityLabel = QLabel(AddressBox)
        self.cityLabel.setObjectName(u"cityLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cityLabel)

        self.cityRow = QHBoxLayout()
        self.cityRow.setObjectName(u"cityRow")
        self.cityEdit = QLineEdit(AddressBox)
        self.cityEdit.setObjectName(u"cityEdit")
        self.cityEdit.setMaxLength(100)

        self.cityRow.addWidget(self.cityEdit)

        self.regionEdit = QLineEdit(AddressBox)
        self.regionEdit.setObjectName(u"regionEdit")
        self.regionEdit.setMaxLength(100)
        self.regionEdit.setMaximumSize(QSize(90, 16777215))

        self.cityRow.addWidget(self.regionEdit)

        self.postalCodeEdit = QLineEdit(AddressBox)
        self.postalCodeEdit.setObjectName(u"postalCodeEdit")
        self.postalCodeEdit.setMaxLength(20)
        self.postalCodeEdit.setMaximumSize(QSize(100, 16777215))

        self.cityRow.addWidget(self.postalCodeEdit)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cityRow)

        self.countryLabel = QLabel(AddressBox)
        self.countryLabel.setObjectName(u"countryLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryEdit = QLineEdit(AddressBox)
        self.countryEdit.setObjectName(u"countryEdit")
        self.countryEdit.setMaxLength(60)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.countryEdit)

#if QT_CONFIG(shortcut)
        self.line1Label.setBuddy(self.line1Edit)
        self.line2Label.setBuddy(self.line2Edit)
        self.cityLabel.setBuddy(self.cityEdit)
        self.countryLabel.setBuddy(self.countryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.line1Edit, self.line2Edit)
        QWidget.setTabOrder(self.line2Edit, self.cityEdit)
        QWidget.setTabOrder(self.cityEdit, self.regionEdit)
        QWidget.setTabOrder(self.regionEdit, self.postalCodeEdit)
        QWidget.setTabOrder(self.postalCodeEdit, self.countryEdit)

        self.retranslateUi(AddressBox)

        QMetaObject.connectSlotsByName(AddressBox)
    # setupUi

    def retranslateUi(self, AddressBox):
        self.line1Label.setText(QCoreApplication.translate("AddressBox", u"Street:", None))
        self.line2Label.setText(QCoreApplication.translate("AddressBox", u"Line 2:", None))
        self.cityLabel.setText(QCoreApplication.translate("AddressBox", u"City:", None))
        self.regionEdit.setPlaceholderText(QCoreApplication.translate("AddressBox", u"State", None))
        self.postalCodeEdit.setPlaceholderText(QCoreApplication.translate("AddressBox", u"Postal code", None))
        self.countryLabel.setText(QCoreApplication.translate("AddressBox", u"Country:", None))
        pass
    # retranslateUi

