# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'payment_section.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_PaymentSection(object):
    def setupUi(self, PaymentSection):
        if not PaymentSection.objectName():
            PaymentSection.setObjectName(u"PaymentSection")
        self.layout = QVBoxLayout(PaymentSection)
        self.layout.setObjectName(u"layout")
        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.kindLabel = QLabel(PaymentSection)
        self.kindLabel.setObjectName(u"kindLabel")

        self.grid.addWidget(self.kindLabel, 0, 0, 1, 1)

        self.kindCombo = QComboBox(PaymentSection)
        self.kindCombo.setObjectName(u"kindCombo")

        self.grid.addWidget(self.kindCombo, 0, 1, 1, 1)

        self.amountLabel = QLabel(PaymentSection)
        self.amountLabel.setObjectName(u"amountLabel")

        self.grid.addWidget(self.amountLabel, 0, 2, 1, 1)

        self.amountEdit = QLineEdit(PaymentSection)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.amountEdit, 0, 3, 1, 1)

        self.cardLabel = QLabel(PaymentSection)
        self.cardLabel.setObjectName(u"cardLabel")

        self.grid.addWidget(self.cardLabel, 1, 0, 1, 1)

        self.cardEdit = QLineEdit(PaymentSection)
        self.cardEdit.setObjectName(u"cardEdit")
        self.cardEdit.setMaxLength(23)

        self.grid.addWidget(self.cardEdit, 1, 1, 1, 1)

        self.expiryLabel = QLabel(PaymentSection)
        self.expiryLabel.setObjectName(u"expiryLabel")

        self.grid.addWidget(self.expiryLabel, 1, 2, 1, 1)

        self.expiryEdit = QLineEdit(PaymentSection)
        self.expiryEdit.setObjectName(u"expiryEdit")
        self.expiryEdit.setMaxLength(5)

        self.grid.addWidget(self.expiryEdit, 1, 3, 1, 1)

        self.authLabel = QLabel(PaymentSection)
        self.authLabel.setObjectName(u"authLabel")

        self.grid.addWidget(self.authLabel, 2, 0, 1, 1)

        self.authEdit = QLineEdit(PaymentSection)
        self.authEdit.setObjectName(u"authEdit")
        self.authEdit.setMaxLength(40)

        self.grid.addWidget(self.authEdit, 2, 1, 1, 1)

        self.addButton = QPushButton(PaymentSection)
        self.addButton.setObjectName(u"addButton")

        self.grid.addWidget(self.addButton, 2, 3, 1, 1)


        self.layout.addLayout(self.grid)

        self.errorLabel = QLabel(PaymentSection)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.table = QTableView(PaymentSection)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.layout.addWidget(self.table)

        self.footer = QHBoxLayout()
        self.footer.setObjectName(u"footer")
        self.removeButton = QPushButton(PaymentSection)
        self.removeButton.setObjectName(u"removeButton")

        self.footer.addWidget(self.removeButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer.addItem(self.spacer)

        self.depositLabel = QLabel(PaymentSection)
        self.depositLabel.setObjectName(u"depositLabel")

        self.footer.addWidget(self.depositLabel)


        self.layout.addLayout(self.footer)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.amountLabel.setBuddy(self.amountEdit)
        self.cardLabel.setBuddy(self.cardEdit)
        self.expiryLabel.setBuddy(self.expiryEdit)
        self.authLabel.setBuddy(self.authEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.cardEdit)
        QWidget.setTabOrder(self.cardEdit, self.expiryEdit)
        QWidget.setTabOrder(self.expiryEdit, self.authEdit)
        QWidget.setTabOrder(self.authEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.table)
        QWidget.setTabOrder(self.table, self.removeButton)

        self.retranslateUi(PaymentSection)

        QMetaObject.connectSlotsByName(PaymentSection)
    # setupUi

    def retranslateUi(self, PaymentSection):
        self.kindLabel.setText(QCoreApplication.translate("PaymentSection", u"&Type:", None))
        self.amountLabel.setText(QCoreApplication.translate("PaymentSection", u"Amo&unt:", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("PaymentSection", u"0.00", None))
        self.cardLabel.setText(QCoreApplication.translate("PaymentSection", u"Card num&ber:", None))
        self.cardEdit.setPlaceholderText(QCoreApplication.translate("PaymentSection", u"12 to 19 digits", None))
        self.expiryLabel.setText(QCoreApplication.translate("PaymentSection", u"E&xpiry:", None))
        self.expiryEdit.setPlaceholderText(QCoreApplication.translate("PaymentSection", u"MM/YY", None))
        self.authLabel.setText(QCoreApplication.translate("PaymentSection", u"Authori&zation:", None))
        self.authEdit.setPlaceholderText(QCoreApplication.translate("PaymentSection", u"code from the card processor", None))
        self.addButton.setText(QCoreApplication.translate("PaymentSection", u"Add Pa&yment", None))
        self.errorLabel.setText("")
        self.removeButton.setText(QCoreApplication.translate("PaymentSection", u"Remo&ve Payment", None))
        self.depositLabel.setText("")
        pass
    # retranslateUi

