# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'quantities_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_QuantitiesDialog(object):
    def setupUi(self, QuantitiesDialog):
        if not QuantitiesDialog.objectName():
            QuantitiesDialog.setObjectName(u"QuantitiesDialog")
        QuantitiesDialog.setMinimumSize(QSize(680, 300))
        self.layout = QVBoxLayout(QuantitiesDialog)
        self.layout.setObjectName(u"layout")
        self.questionLabel = QLabel(QuantitiesDialog)
        self.questionLabel.setObjectName(u"questionLabel")
        self.questionLabel.setWordWrap(True)

        self.layout.addWidget(self.questionLabel)

        self.linesTable = QTableWidget(QuantitiesDialog)
        self.linesTable.setObjectName(u"linesTable")
        self.linesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.linesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.linesTable.setTabKeyNavigation(False)

        self.layout.addWidget(self.linesTable)

        self.errorLabel = QLabel(QuantitiesDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.totalLabel = QLabel(QuantitiesDialog)
        self.totalLabel.setObjectName(u"totalLabel")

        self.layout.addWidget(self.totalLabel)

        self.buttonBox = QDialogButtonBox(QuantitiesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(QuantitiesDialog)

        QMetaObject.connectSlotsByName(QuantitiesDialog)
    # setupUi

    def retranslateUi(self, QuantitiesDialog):
        QuantitiesDialog.setWindowTitle(QCoreApplication.translate("QuantitiesDialog", u"Quantities", None))
        self.questionLabel.setText("")
        self.errorLabel.setText("")
        self.totalLabel.setText("")
    # retranslateUi

