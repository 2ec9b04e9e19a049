# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'database_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_DatabaseDialog(object):
    def setupUi(self, DatabaseDialog):
        if not DatabaseDialog.objectName():
            DatabaseDialog.setObjectName(u"DatabaseDialog")
        DatabaseDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(DatabaseDialog)
        self.layout.setObjectName(u"layout")
        self.titleLabel = QLabel(DatabaseDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.layout.addWidget(self.titleLabel)

        self.introLabel = QLabel(DatabaseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.thisComputerRadio = QRadioButton(DatabaseDialog)
        self.thisComputerRadio.setObjectName(u"thisComputerRadio")
        self.thisComputerRadio.setChecked(True)

        self.layout.addWidget(self.thisComputerRadio)

        self.thisComputerLabel = QLabel(DatabaseDialog)
        self.thisComputerLabel.setObjectName(u"thisComputerLabel")
        self.thisComputerLabel.setWordWrap(True)
        self.thisComputerLabel.setIndent(24)
        self.thisComputerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.thisComputerLabel)

        self.serverRadio = QRadioButton(DatabaseDialog)
        self.serverRadio.setObjectName(u"serverRadio")

        self.layout.addWidget(self.serverRadio)

        self.serverLabel = QLabel(DatabaseDialog)
        self.serverLabel.setObjectName(u"serverLabel")
        self.serverLabel.setWordWrap(True)
        self.serverLabel.setIndent(24)

        self.layout.addWidget(self.serverLabel)

        self.serverBox = QWidget(DatabaseDialog)
        self.serverBox.setObjectName(u"serverBox")
        self.serverForm = QFormLayout(self.serverBox)
        self.serverForm.setObjectName(u"serverForm")
        self.serverForm.setContentsMargins(24, -1, -1, -1)
        self.hostLabel = QLabel(self.serverBox)
        self.hostLabel.setObjectName(u"hostLabel")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(self.serverBox)
        self.hostEdit.setObjectName(u"hostEdit")
        self.hostEdit.setMaxLength(255)

        self.serverForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portLabel = QLabel(self.serverBox)
        self.portLabel.setObjectName(u"portLabel")

        self.serverForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portSpin = QSpinBox(self.serverBox)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.serverForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.databaseLabel = QLabel(self.serverBox)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.serverForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseEdit = QLineEdit(self.serverBox)
        self.databaseEdit.setObjectName(u"databaseEdit")
        self.databaseEdit.setMaxLength(63)

        self.serverForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.databaseEdit)

        self.userLabel = QLabel(self.serverBox)
        self.userLabel.setObjectName(u"userLabel")

        self.serverForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(self.serverBox)
        self.userEdit.setObjectName(u"userEdit")
        self.userEdit.setMaxLength(63)

        self.serverForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.passwordLabel = QLabel(self.serverBox)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.serverForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.serverBox)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.serverForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.testButton = QPushButton(self.serverBox)
        self.testButton.setObjectName(u"testButton")
        self.testButton.setAutoDefault(False)

        self.serverForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.testButton)

        self.resultLabel = QLabel(self.serverBox)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.serverForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.resultLabel)


        self.layout.addWidget(self.serverBox)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(DatabaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.databaseLabel.setBuddy(self.databaseEdit)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DatabaseDialog)

        QMetaObject.connectSlotsByName(DatabaseDialog)
    # setupUi

    def retranslateUi(self, DatabaseDialog):
        DatabaseDialog.setWindowTitle(QCoreApplication.translate("DatabaseDialog", u"Welcome to xmart: Database", None))
        self.titleLabel.setText(QCoreApplication.translate("DatabaseDialog", u"<h3>Where is xmart's database?</h3>", None))
        self.introLabel.setText(QCoreApplication.translate("DatabaseDialog", u"Orders, stock and documents are kept in one database. This workstation remembers the choice; the xmart command line uses it too.", None))
        self.thisComputerRadio.setText(QCoreApplication.translate("DatabaseDialog", u"&This computer", None))
        self.thisComputerLabel.setText("")
        self.serverRadio.setText(QCoreApplication.translate("DatabaseDialog", u"An office &PostgreSQL server", None))
        self.serverLabel.setText(QCoreApplication.translate("DatabaseDialog", u"Shared by every workstation of the office. Ask the server's administrator for these details.", None))
        self.hostLabel.setText(QCoreApplication.translate("DatabaseDialog", u"&Server:", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("DatabaseDialog", u"office-server or 192.168.1.10", None))
        self.portLabel.setText(QCoreApplication.translate("DatabaseDialog", u"P&ort:", None))
        self.databaseLabel.setText(QCoreApplication.translate("DatabaseDialog", u"&Database:", None))
        self.databaseEdit.setText(QCoreApplication.translate("DatabaseDialog", u"xmart", None))
        self.userLabel.setText(QCoreApplication.translate("DatabaseDialog", u"&User:", None))
        self.passwordLabel.setText(QCoreApplication.translate("DatabaseDialog", u"Pass&word:", None))
        self.testButton.setText(QCoreApplication.translate("DatabaseDialog", u"T&est Connection", None))
        self.resultLabel.setText("")
    # retranslateUi

