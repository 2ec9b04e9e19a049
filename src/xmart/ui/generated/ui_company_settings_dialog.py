# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'company_settings_dialog.ui'
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
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_CompanySettingsDialog(object):
    def setupUi(self, CompanySettingsDialog):
        if not CompanySettingsDialog.objectName():
            CompanySettingsDialog.setObjectName(u"CompanySettingsDialog")
        CompanySettingsDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(CompanySettingsDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(CompanySettingsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(CompanySettingsDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(CompanySettingsDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.addressLabel = QLabel(CompanySettingsDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(CompanySettingsDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 90))

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(CompanySettingsDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(CompanySettingsDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(40)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailLabel = QLabel(CompanySettingsDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(CompanySettingsDialog)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(254)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.logoLabel = QLabel(CompanySettingsDialog)
        self.logoLabel.setObjectName(u"logoLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoRow = QHBoxLayout()
        self.logoRow.setObjectName(u"logoRow")
        self.logoPreview = QLabel(CompanySettingsDialog)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(170, 60))
        self.logoPreview.setMaximumSize(QSize(170, 60))
        self.logoPreview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logoPreview.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.logoRow.addWidget(self.logoPreview)

        self.logoButtons = QVBoxLayout()
        self.logoButtons.setObjectName(u"logoButtons")
        self.chooseLogoButton = QPushButton(CompanySettingsDialog)
        self.chooseLogoButton.setObjectName(u"chooseLogoButton")
        self.chooseLogoButton.setAutoDefault(False)

        self.logoButtons.addWidget(self.chooseLogoButton)

        self.removeLogoButton = QPushButton(CompanySettingsDialog)
        self.removeLogoButton.setObjectName(u"removeLogoButton")
        self.removeLogoButton.setAutoDefault(False)

        self.logoButtons.addWidget(self.removeLogoButton)


        self.logoRow.addLayout(self.logoButtons)

        self.logoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoRow.addItem(self.logoSpacer)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.logoRow)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(CompanySettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CompanySettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.chooseLogoButton)
        QWidget.setTabOrder(self.chooseLogoButton, self.removeLogoButton)

        self.retranslateUi(CompanySettingsDialog)

        QMetaObject.connectSlotsByName(CompanySettingsDialog)
    # setupUi

    def retranslateUi(self, CompanySettingsDialog):
        CompanySettingsDialog.setWindowTitle(QCoreApplication.translate("CompanySettingsDialog", u"Company", None))
        self.introLabel.setText(QCoreApplication.translate("CompanySettingsDialog", u"Printed in the header of every sale order, purchase order and confirmation.", None))
        self.nameLabel.setText(QCoreApplication.translate("CompanySettingsDialog", u"&Name:", None))
        self.addressLabel.setText(QCoreApplication.translate("CompanySettingsDialog", u"A&ddress:", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("CompanySettingsDialog", u"up to 4 lines, as printed", None))
        self.phoneLabel.setText(QCoreApplication.translate("CompanySettingsDialog", u"&Phone:", None))
        self.emailLabel.setText(QCoreApplication.translate("CompanySettingsDialog", u"&E-mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("CompanySettingsDialog", u"office@example.com", None))
        self.logoLabel.setText(QCoreApplication.translate("CompanySettingsDialog", u"Logo:", None))
        self.logoPreview.setText(QCoreApplication.translate("CompanySettingsDialog", u"no logo", None))
        self.chooseLogoButton.setText(QCoreApplication.translate("CompanySettingsDialog", u"Choose &Logo\u2026", None))
        self.removeLogoButton.setText(QCoreApplication.translate("CompanySettingsDialog", u"&Remove Logo", None))
        self.errorLabel.setText("")
    # retranslateUi

