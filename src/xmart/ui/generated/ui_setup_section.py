# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_section.ui'
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
    QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SetupSection(object):
    def setupUi(self, SetupSection):
        if not SetupSection.objectName():
            SetupSection.setObjectName(u"SetupSection")
        self.layout = QVBoxLayout(SetupSection)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.channelLabel = QLabel(SetupSection)
        self.channelLabel.setObjectName(u"channelLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(SetupSection)
        self.channelCombo.setObjectName(u"channelCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.salesmanLabel = QLabel(SetupSection)
        self.salesmanLabel.setObjectName(u"salesmanLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.salesmanLabel)

        self.salesmanCombo = QComboBox(SetupSection)
        self.salesmanCombo.setObjectName(u"salesmanCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.salesmanCombo)


        self.layout.addLayout(self.form)

        self.customGroup = QGroupBox(SetupSection)
        self.customGroup.setObjectName(u"customGroup")
        self.customForm = QFormLayout(self.customGroup)
        self.customForm.setObjectName(u"customForm")

        self.layout.addWidget(self.customGroup)

        self.notesLabel = QLabel(SetupSection)
        self.notesLabel.setObjectName(u"notesLabel")

        self.layout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(SetupSection)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 60))

        self.layout.addWidget(self.notesEdit)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.updateButton = QPushButton(SetupSection)
        self.updateButton.setObjectName(u"updateButton")

        self.buttons.addWidget(self.updateButton)


        self.layout.addLayout(self.buttons)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.channelLabel.setBuddy(self.channelCombo)
        self.salesmanLabel.setBuddy(self.salesmanCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.channelCombo, self.salesmanCombo)
        QWidget.setTabOrder(self.salesmanCombo, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.updateButton)

        self.retranslateUi(SetupSection)

        QMetaObject.connectSlotsByName(SetupSection)
    # setupUi

    def retranslateUi(self, SetupSection):
        self.channelLabel.setText(QCoreApplication.translate("SetupSection", u"C&hannel:", None))
        self.salesmanLabel.setText(QCoreApplication.translate("SetupSection", u"Sales&man:", None))
        self.customGroup.setTitle(QCoreApplication.translate("SetupSection", u"Order information", None))
        self.notesLabel.setText(QCoreApplication.translate("SetupSection", u"&Notes:", None))
        self.updateButton.setText(QCoreApplication.translate("SetupSection", u"&Update Information", None))
        pass
    # retranslateUi

