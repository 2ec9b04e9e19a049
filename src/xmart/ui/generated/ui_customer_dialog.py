# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customer_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from xmart.ui.widgets.address_box import AddressBox

class Ui_CustomerDialog(object):
    def setupUi(self, CustomerDialog):
        if not CustomerDialog.objectName():
            CustomerDialog.setObjectName(u"CustomerDialog")
        CustomerDialog.setMinimumSize(QSize(640, 0))
        self.layout = QVBoxLayout(CustomerDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.numberLabel = QLabel(CustomerDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(CustomerDialog)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setMaxLength(20)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.nameLabel = QLabel(CustomerDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(CustomerDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.companyLabel = QLabel(CustomerDialog)
        self.companyLabel.setObjectName(u"companyLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(CustomerDialog)
        self.companyEdit.setObjectName(u"companyEdit")
        self.companyEdit.setMaxLength(100)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.companyEdit)

        self.emailLabel = QLabel(CustomerDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(CustomerDialog)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(200)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(CustomerDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(CustomerDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(40)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.layout.addLayout(self.form)

        self.addresses = QHBoxLayout()
        self.addresses.setObjectName(u"addresses")
        self.billingGroup = QGroupBox(CustomerDialog)
        self.billingGroup.setObjectName(u"billingGroup")
        self.billingLayout = QVBoxLayout(self.billingGroup)
        self.billingLayout.setObjectName(u"billingLayout")
        self.billingBox = AddressBox(self.billingGroup)
        self.billingBox.setObjectName(u"billingBox")

        self.billingLayout.addWidget(self.billingBox)

        self.billingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.billingLayout.addItem(self.billingSpacer)


        self.addresses.addWidget(self.billingGroup)

        self.shippingGroup = QGroupBox(CustomerDialog)
        self.shippingGroup.setObjectName(u"shippingGroup")
        self.shippingLayout = QVBoxLayout(self.shippingGroup)
        self.shippingLayout.setObjectName(u"shippingLayout")
        self.sameCheck = QCheckBox(self.shippingGroup)
        self.sameCheck.setObjectName(u"sameCheck")

        self.shippingLayout.addWidget(self.sameCheck)

        self.shippingBox = AddressBox(self.shippingGroup)
        self.shippingBox.setObjectName(u"shippingBox")

        self.shippingLayout.addWidget(self.shippingBox)


        self.addresses.addWidget(self.shippingGroup)


        self.layout.addLayout(self.addresses)

        self.notesLabel = QLabel(CustomerDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.layout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(CustomerDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.layout.addWidget(self.notesEdit)

        self.errorLabel = QLabel(CustomerDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CustomerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.numberEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.companyLabel.setBuddy(self.companyEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.numberEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.companyEdit)
        QWidget.setTabOrder(self.companyEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.sameCheck)
        QWidget.setTabOrder(self.sameCheck, self.notesEdit)

        self.retranslateUi(CustomerDialog)

        QMetaObject.connectSlotsByName(CustomerDialog)
    # setupUi

    def retranslateUi(self, CustomerDialog):
        CustomerDialog.setWindowTitle(QCoreApplication.translate("CustomerDialog", u"Customer", None))
        self.numberLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Number:", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"assigned when saved", None))
        self.nameLabel.setText(QCoreApplication.translate("CustomerDialog", u"N&ame:", None))
        self.companyLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Company:", None))
        self.emailLabel.setText(QCoreApplication.translate("CustomerDialog", u"&E-mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"name@example.com", None))
        self.phoneLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Phone:", None))
        self.billingGroup.setTitle(QCoreApplication.translate("CustomerDialog", u"Billing address", None))
        self.shippingGroup.setTitle(QCoreApplication.translate("CustomerDialog", u"Shipping address", None))
        self.sameCheck.setText(QCoreApplication.translate("CustomerDialog", u"&Same as billing", None))
        self.notesLabel.setText(QCoreApplication.translate("CustomerDialog", u"N&otes:", None))
        self.errorLabel.setText("")
    # retranslateUi

