# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCommandLinkButton, QDialog, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(FirstRunDialog)
        self.layout.setObjectName(u"layout")
        self.titleLabel = QLabel(FirstRunDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.layout.addWidget(self.titleLabel)

        self.databaseLabel = QLabel(FirstRunDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.databaseLabel)

        self.demoButton = QCommandLinkButton(FirstRunDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.layout.addWidget(self.demoButton)

        self.importButton = QCommandLinkButton(FirstRunDialog)
        self.importButton.setObjectName(u"importButton")

        self.layout.addWidget(self.importButton)

        self.storeButton = QCommandLinkButton(FirstRunDialog)
        self.storeButton.setObjectName(u"storeButton")

        self.layout.addWidget(self.storeButton)

        self.emptyButton = QCommandLinkButton(FirstRunDialog)
        self.emptyButton.setObjectName(u"emptyButton")

        self.layout.addWidget(self.emptyButton)


        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"Welcome to xmart", None))
        self.titleLabel.setText(QCoreApplication.translate("FirstRunDialog", u"<h3>This database is empty</h3>", None))
        self.databaseLabel.setText("")
        self.demoButton.setText(QCoreApplication.translate("FirstRunDialog", u"Create &demo data", None))
        self.demoButton.setDescription(QCoreApplication.translate("FirstRunDialog", u"Stores, items, stock, customers and open corporate sale orders to try the processes on.", None))
        self.importButton.setText(QCoreApplication.translate("FirstRunDialog", u"&Import a file\u2026", None))
        self.importButton.setDescription(QCoreApplication.translate("FirstRunDialog", u"Load an xmart import document (JSON) with your own locations, items and orders.", None))
        self.storeButton.setText(QCoreApplication.translate("FirstRunDialog", u"Set up as a &store\u2026", None))
        self.storeButton.setDescription(QCoreApplication.translate("FirstRunDialog", u"This database is one store's: its sale orders come from the Main with store sync (needs the key file the Main made).", None))
        self.emptyButton.setText(QCoreApplication.translate("FirstRunDialog", u"Start with the &empty database", None))
        self.emptyButton.setDescription(QCoreApplication.translate("FirstRunDialog", u"You can import a file later from the Transactions menu.", None))
    # retranslateUi

