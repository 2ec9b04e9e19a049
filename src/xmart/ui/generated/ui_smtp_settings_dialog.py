# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'smtp_settings_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SmtpSettingsDialog(object):
    def setupUi(self, SmtpSettingsDialog):
        if not SmtpSettingsDialog.objectName():
            SmtpSettingsDialog.setObjectName(u"SmtpSettingsDialog")
        SmtpSettingsDialog.setMinimumSize(QSize(420, 0))
        self.layout = QVBoxLayout(SmtpSettingsDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.hostLabel = QLabel(SmtpSettingsDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(SmtpSettingsDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portLabel = QLabel(SmtpSettingsDialog)
        self.portLabel.setObjectName(u"portLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portEdit = QLineEdit(SmtpSettingsDialog)
        self.portEdit.setObjectName(u"portEdit")
        self.portEdit.setMaximumSize(QSize(90, 16777215))

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.portEdit)

        self.starttlsCheck = QCheckBox(SmtpSettingsDialog)
        self.starttlsCheck.setObjectName(u"starttlsCheck")
        self.starttlsCheck.setChecked(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.starttlsCheck)

        self.userLabel = QLabel(SmtpSettingsDialog)
        self.userLabel.setObjectName(u"userLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(SmtpSettingsDialog)
        self.userEdit.setObjectName(u"userEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.passwordLabel = QLabel(SmtpSettingsDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(SmtpSettingsDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.senderLabel = QLabel(SmtpSettingsDialog)
        self.senderLabel.setObjectName(u"senderLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.senderLabel)

        self.senderEdit = QLineEdit(SmtpSettingsDialog)
        self.senderEdit.setObjectName(u"senderEdit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.senderEdit)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(SmtpSettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SmtpSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portEdit)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.senderLabel.setBuddy(self.senderEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SmtpSettingsDialog)

        QMetaObject.connectSlotsByName(SmtpSettingsDialog)
    # setupUi

    def retranslateUi(self, SmtpSettingsDialog):
        SmtpSettingsDialog.setWindowTitle(QCoreApplication.translate("SmtpSettingsDialog", u"E-mail (SMTP)", None))
        self.hostLabel.setText(QCoreApplication.translate("SmtpSettingsDialog", u"&Server:", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("SmtpSettingsDialog", u"smtp.example.com", None))
        self.portLabel.setText(QCoreApplication.translate("SmtpSettingsDialog", u"&Port:", None))
        self.portEdit.setText(QCoreApplication.translate("SmtpSettingsDialog", u"587", None))
        self.starttlsCheck.setText(QCoreApplication.translate("SmtpSettingsDialog", u"Use S&TARTTLS", None))
        self.userLabel.setText(QCoreApplication.translate("SmtpSettingsDialog", u"&User:", None))
        self.passwordLabel.setText(QCoreApplication.translate("SmtpSettingsDialog", u"Pass&word:", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("SmtpSettingsDialog", u"unchanged (kept in the system keyring)", None))
        self.senderLabel.setText(QCoreApplication.translate("SmtpSettingsDialog", u"Sen&der:", None))
        self.senderEdit.setPlaceholderText(QCoreApplication.translate("SmtpSettingsDialog", u"orders@example.com", None))
        self.errorLabel.setText("")
    # retranslateUi

