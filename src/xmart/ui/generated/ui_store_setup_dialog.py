# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'store_setup_dialog.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_StoreSetupDialog(object):
    def setupUi(self, StoreSetupDialog):
        if not StoreSetupDialog.objectName():
            StoreSetupDialog.setObjectName(u"StoreSetupDialog")
        StoreSetupDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(StoreSetupDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(StoreSetupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.codeLabel = QLabel(StoreSetupDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(StoreSetupDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(20)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.keyLabel = QLabel(StoreSetupDialog)
        self.keyLabel.setObjectName(u"keyLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keyLabel)

        self.keyRow = QHBoxLayout()
        self.keyRow.setObjectName(u"keyRow")
        self.keyEdit = QLineEdit(StoreSetupDialog)
        self.keyEdit.setObjectName(u"keyEdit")

        self.keyRow.addWidget(self.keyEdit)

        self.browseButton = QPushButton(StoreSetupDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.keyRow.addWidget(self.browseButton)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.keyRow)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(StoreSetupDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(StoreSetupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.keyLabel.setBuddy(self.keyEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StoreSetupDialog)

        QMetaObject.connectSlotsByName(StoreSetupDialog)
    # setupUi

    def retranslateUi(self, StoreSetupDialog):
        StoreSetupDialog.setWindowTitle(QCoreApplication.translate("StoreSetupDialog", u"Set Up as a Store \u2014 xmart", None))
        self.introLabel.setText(QCoreApplication.translate("StoreSetupDialog", u"<h3>Set up this database as a store</h3>A store's database receives its sale orders from the Main and sends back its invoices and stock levels. The Main makes the store's key file (<tt>xmart sync keygen --store CODE --out FILE</tt>); the file must be readable by you only.", None))
        self.codeLabel.setText(QCoreApplication.translate("StoreSetupDialog", u"Store &code:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("StoreSetupDialog", u"S01", None))
        self.keyLabel.setText(QCoreApplication.translate("StoreSetupDialog", u"&Key file:", None))
        self.browseButton.setText(QCoreApplication.translate("StoreSetupDialog", u"&Browse\u2026", None))
        self.errorLabel.setText("")
    # retranslateUi

