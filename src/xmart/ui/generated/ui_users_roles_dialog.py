# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users_roles_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_UsersRolesDialog(object):
    def setupUi(self, UsersRolesDialog):
        if not UsersRolesDialog.objectName():
            UsersRolesDialog.setObjectName(u"UsersRolesDialog")
        UsersRolesDialog.setMinimumSize(QSize(640, 400))
        self.layout = QVBoxLayout(UsersRolesDialog)
        self.layout.setObjectName(u"layout")
        self.tabs = QTabWidget(UsersRolesDialog)
        self.tabs.setObjectName(u"tabs")
        self.usersTab = QWidget()
        self.usersTab.setObjectName(u"usersTab")
        self.usersLayout = QHBoxLayout(self.usersTab)
        self.usersLayout.setObjectName(u"usersLayout")
        self.usersLeft = QVBoxLayout()
        self.usersLeft.setObjectName(u"usersLeft")
        self.usersTable = QTableView(self.usersTab)
        self.usersTable.setObjectName(u"usersTable")
        self.usersTable.setAlternatingRowColors(True)
        self.usersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.usersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.usersTable.setWordWrap(False)

        self.usersLeft.addWidget(self.usersTable)

        self.grantsBox = QGroupBox(self.usersTab)
        self.grantsBox.setObjectName(u"grantsBox")
        self.grantsLayout = QVBoxLayout(self.grantsBox)
        self.grantsLayout.setObjectName(u"grantsLayout")
        self.revealCheck = QCheckBox(self.grantsBox)
        self.revealCheck.setObjectName(u"revealCheck")

        self.grantsLayout.addWidget(self.revealCheck)

        self.auditCheck = QCheckBox(self.grantsBox)
        self.auditCheck.setObjectName(u"auditCheck")

        self.grantsLayout.addWidget(self.auditCheck)


        self.usersLeft.addWidget(self.grantsBox)


        self.usersLayout.addLayout(self.usersLeft)

        self.userButtons = QVBoxLayout()
        self.userButtons.setObjectName(u"userButtons")
        self.addUserButton = QPushButton(self.usersTab)
        self.addUserButton.setObjectName(u"addUserButton")
        self.addUserButton.setAutoDefault(False)

        self.userButtons.addWidget(self.addUserButton)

        self.roleButton = QPushButton(self.usersTab)
        self.roleButton.setObjectName(u"roleButton")
        self.roleButton.setAutoDefault(False)

        self.userButtons.addWidget(self.roleButton)

        self.passwordButton = QPushButton(self.usersTab)
        self.passwordButton.setObjectName(u"passwordButton")
        self.passwordButton.setAutoDefault(False)

        self.userButtons.addWidget(self.passwordButton)

        self.disableButton = QPushButton(self.usersTab)
        self.disableButton.setObjectName(u"disableButton")
        self.disableButton.setAutoDefault(False)

        self.userButtons.addWidget(self.disableButton)

        self.unlockButton = QPushButton(self.usersTab)
        self.unlockButton.setObjectName(u"unlockButton")
        self.unlockButton.setAutoDefault(False)

        self.userButtons.addWidget(self.unlockButton)

        self.userButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.userButtons.addItem(self.userButtonsSpacer)


        self.usersLayout.addLayout(self.userButtons)

        self.tabs.addTab(self.usersTab, "")
        self.rolesTab = QWidget()
        self.rolesTab.setObjectName(u"rolesTab")
        self.rolesLayout = QHBoxLayout(self.rolesTab)
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.rolesList = QListWidget(self.rolesTab)
        self.rolesList.setObjectName(u"rolesList")
        self.rolesList.setMaximumSize(QSize(200, 16777215))

        self.rolesLayout.addWidget(self.rolesList)

        self.roleRight = QVBoxLayout()
        self.roleRight.setObjectName(u"roleRight")
        self.roleForm = QFormLayout()
        self.roleForm.setObjectName(u"roleForm")
        self.roleNameLabel = QLabel(self.rolesTab)
        self.roleNameLabel.setObjectName(u"roleNameLabel")

        self.roleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleNameLabel)

        self.roleNameEdit = QLineEdit(self.rolesTab)
        self.roleNameEdit.setObjectName(u"roleNameEdit")
        self.roleNameEdit.setMaxLength(40)

        self.roleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.roleNameEdit)

        self.descriptionLabel = QLabel(self.rolesTab)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.roleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QLineEdit(self.rolesTab)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaxLength(200)

        self.roleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.roleRight.addLayout(self.roleForm)

        self.permissionsLabel = QLabel(self.rolesTab)
        self.permissionsLabel.setObjectName(u"permissionsLabel")

        self.roleRight.addWidget(self.permissionsLabel)

        self.permissionsList = QListWidget(self.rolesTab)
        self.permissionsList.setObjectName(u"permissionsList")

        self.roleRight.addWidget(self.permissionsList)

        self.roleNoteLabel = QLabel(self.rolesTab)
        self.roleNoteLabel.setObjectName(u"roleNoteLabel")
        self.roleNoteLabel.setWordWrap(True)

        self.roleRight.addWidget(self.roleNoteLabel)

        self.roleButtons = QHBoxLayout()
        self.roleButtons.setObjectName(u"roleButtons")
        self.newRoleButton = QPushButton(self.rolesTab)
        self.newRoleButton.setObjectName(u"newRoleButton")
        self.newRoleButton.setAutoDefault(False)

        self.roleButtons.addWidget(self.newRoleButton)

        self.saveRoleButton = QPushButton(self.rolesTab)
        self.saveRoleButton.setObjectName(u"saveRoleButton")
        self.saveRoleButton.setAutoDefault(False)

        self.roleButtons.addWidget(self.saveRoleButton)

        self.deleteRoleButton = QPushButton(self.rolesTab)
        self.deleteRoleButton.setObjectName(u"deleteRoleButton")
        self.deleteRoleButton.setAutoDefault(False)

        self.roleButtons.addWidget(self.deleteRoleButton)

        self.roleButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.roleButtons.addItem(self.roleButtonsSpacer)


        self.roleRight.addLayout(self.roleButtons)


        self.rolesLayout.addLayout(self.roleRight)

        self.tabs.addTab(self.rolesTab, "")

        self.layout.addWidget(self.tabs)

        self.statusLabel = QLabel(UsersRolesDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.layout.addWidget(self.statusLabel)

        self.buttonBox = QDialogButtonBox(UsersRolesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.roleNameLabel.setBuddy(self.roleNameEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.permissionsLabel.setBuddy(self.permissionsList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UsersRolesDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(UsersRolesDialog)
    # setupUi

    def retranslateUi(self, UsersRolesDialog):
        UsersRolesDialog.setWindowTitle(QCoreApplication.translate("UsersRolesDialog", u"Users and Roles", None))
        self.grantsBox.setTitle(QCoreApplication.translate("UsersRolesDialog", u"Granted to the selected user (besides the role)", None))
        self.revealCheck.setText(QCoreApplication.translate("UsersRolesDialog", u"May see full card &numbers (card.reveal)", None))
        self.auditCheck.setText(QCoreApplication.translate("UsersRolesDialog", u"May read the audi&t log (audit.read)", None))
        self.addUserButton.setText(QCoreApplication.translate("UsersRolesDialog", u"&Add User\u2026", None))
        self.roleButton.setText(QCoreApplication.translate("UsersRolesDialog", u"Change &Role\u2026", None))
        self.passwordButton.setText(QCoreApplication.translate("UsersRolesDialog", u"Reset &Password\u2026", None))
        self.disableButton.setText(QCoreApplication.translate("UsersRolesDialog", u"Disa&ble", None))
        self.unlockButton.setText(QCoreApplication.translate("UsersRolesDialog", u"Un&lock", None))
#if QT_CONFIG(tooltip)
        self.unlockButton.setToolTip(QCoreApplication.translate("UsersRolesDialog", u"Clear the lock after too many failed sign-ins", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.usersTab), QCoreApplication.translate("UsersRolesDialog", u"&Users", None))
        self.roleNameLabel.setText(QCoreApplication.translate("UsersRolesDialog", u"Na&me:", None))
        self.descriptionLabel.setText(QCoreApplication.translate("UsersRolesDialog", u"D&escription:", None))
        self.permissionsLabel.setText(QCoreApplication.translate("UsersRolesDialog", u"&Permissions (Space ticks the one selected):", None))
        self.roleNoteLabel.setText("")
        self.newRoleButton.setText(QCoreApplication.translate("UsersRolesDialog", u"&New Role", None))
        self.saveRoleButton.setText(QCoreApplication.translate("UsersRolesDialog", u"&Save Role", None))
        self.deleteRoleButton.setText(QCoreApplication.translate("UsersRolesDialog", u"Dele&te Role\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rolesTab), QCoreApplication.translate("UsersRolesDialog", u"R&oles", None))
        self.statusLabel.setText("")
    # retranslateUi

