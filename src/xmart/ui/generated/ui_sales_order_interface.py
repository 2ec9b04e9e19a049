# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sales_order_interface.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListView,
    QPushButton, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget)

from xmart.ui.widgets.elided_label import ElidedLabel
from xmart.ui.widgets.order_sections import (ItemsSection, PaymentSection, SetupSection, ShippingSection)

class Ui_SalesOrderInterface(object):
    def setupUi(self, SalesOrderInterface):
        if not SalesOrderInterface.objectName():
            SalesOrderInterface.setObjectName(u"SalesOrderInterface")
        self.layout = QVBoxLayout(SalesOrderInterface)
        self.layout.setObjectName(u"layout")
        self.scrollArea = QScrollArea(SalesOrderInterface)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.scrollLayout.setContentsMargins(0, 0, 0, 0)
        self.customerGroup = QGroupBox(self.scrollContents)
        self.customerGroup.setObjectName(u"customerGroup")
        self.customerGrid = QGridLayout(self.customerGroup)
        self.customerGrid.setObjectName(u"customerGrid")
        self.findLabel = QLabel(self.customerGroup)
        self.findLabel.setObjectName(u"findLabel")

        self.customerGrid.addWidget(self.findLabel, 0, 0, 1, 1)

        self.findEdit = QLineEdit(self.customerGroup)
        self.findEdit.setObjectName(u"findEdit")
        self.findEdit.setClearButtonEnabled(True)

        self.customerGrid.addWidget(self.findEdit, 0, 1, 1, 1)

        self.newCustomerButton = QPushButton(self.customerGroup)
        self.newCustomerButton.setObjectName(u"newCustomerButton")

        self.customerGrid.addWidget(self.newCustomerButton, 0, 2, 1, 1)

        self.customerList = QListView(self.customerGroup)
        self.customerList.setObjectName(u"customerList")
        self.customerList.setMaximumSize(QSize(16777215, 90))

        self.customerGrid.addWidget(self.customerList, 1, 1, 1, 1)

        self.customerLabel = ElidedLabel(self.customerGroup)
        self.customerLabel.setObjectName(u"customerLabel")
        self.customerLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.customerGrid.addWidget(self.customerLabel, 1, 2, 1, 1)


        self.scrollLayout.addWidget(self.customerGroup)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.setupGroup = QGroupBox(self.scrollContents)
        self.setupGroup.setObjectName(u"setupGroup")
        self.setupLayout = QVBoxLayout(self.setupGroup)
        self.setupLayout.setObjectName(u"setupLayout")
        self.setupSection = SetupSection(self.setupGroup)
        self.setupSection.setObjectName(u"setupSection")

        self.setupLayout.addWidget(self.setupSection)


        self.leftColumn.addWidget(self.setupGroup)

        self.shippingGroup = QGroupBox(self.scrollContents)
        self.shippingGroup.setObjectName(u"shippingGroup")
        self.shippingLayout = QVBoxLayout(self.shippingGroup)
        self.shippingLayout.setObjectName(u"shippingLayout")
        self.shippingSection = ShippingSection(self.shippingGroup)
        self.shippingSection.setObjectName(u"shippingSection")

        self.shippingLayout.addWidget(self.shippingSection)


        self.leftColumn.addWidget(self.shippingGroup)


        self.body.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.itemsGroup = QGroupBox(self.scrollContents)
        self.itemsGroup.setObjectName(u"itemsGroup")
        self.itemsLayout = QVBoxLayout(self.itemsGroup)
        self.itemsLayout.setObjectName(u"itemsLayout")
        self.itemsSection = ItemsSection(self.itemsGroup)
        self.itemsSection.setObjectName(u"itemsSection")

        self.itemsLayout.addWidget(self.itemsSection)


        self.rightColumn.addWidget(self.itemsGroup)

        self.paymentGroup = QGroupBox(self.scrollContents)
        self.paymentGroup.setObjectName(u"paymentGroup")
        self.paymentLayout = QVBoxLayout(self.paymentGroup)
        self.paymentLayout.setObjectName(u"paymentLayout")
        self.paymentSection = PaymentSection(self.paymentGroup)
        self.paymentSection.setObjectName(u"paymentSection")

        self.paymentLayout.addWidget(self.paymentSection)


        self.rightColumn.addWidget(self.paymentGroup)


        self.body.addLayout(self.rightColumn)


        self.scrollLayout.addLayout(self.body)

        self.scrollArea.setWidget(self.scrollContents)

        self.layout.addWidget(self.scrollArea)

        self.totalsLabel = QLabel(SalesOrderInterface)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.totalsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.totalsLabel)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.shortcutsLabel = ElidedLabel(SalesOrderInterface)
        self.shortcutsLabel.setObjectName(u"shortcutsLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.shortcutsLabel.sizePolicy().hasHeightForWidth())
        self.shortcutsLabel.setSizePolicy(sizePolicy)

        self.buttons.addWidget(self.shortcutsLabel)

        self.clearButton = QPushButton(SalesOrderInterface)
        self.clearButton.setObjectName(u"clearButton")

        self.buttons.addWidget(self.clearButton)

        self.completeButton = QPushButton(SalesOrderInterface)
        self.completeButton.setObjectName(u"completeButton")

        self.buttons.addWidget(self.completeButton)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.findLabel.setBuddy(self.findEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.findEdit, self.customerList)
        QWidget.setTabOrder(self.customerList, self.newCustomerButton)

        self.retranslateUi(SalesOrderInterface)

        QMetaObject.connectSlotsByName(SalesOrderInterface)
    # setupUi

    def retranslateUi(self, SalesOrderInterface):
        SalesOrderInterface.setWindowTitle(QCoreApplication.translate("SalesOrderInterface", u"Sales Order Interface", None))
        self.customerGroup.setTitle(QCoreApplication.translate("SalesOrderInterface", u"Customer", None))
        self.findLabel.setText(QCoreApplication.translate("SalesOrderInterface", u"&Find:", None))
        self.findEdit.setPlaceholderText(QCoreApplication.translate("SalesOrderInterface", u"number, name, company, e-mail or phone \u2014 Enter picks the first", None))
        self.newCustomerButton.setText(QCoreApplication.translate("SalesOrderInterface", u"Ne&w Customer\u2026", None))
#if QT_CONFIG(tooltip)
        self.newCustomerButton.setToolTip(QCoreApplication.translate("SalesOrderInterface", u"Create a customer (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.customerLabel.setText(QCoreApplication.translate("SalesOrderInterface", u"No customer chosen", None))
        self.setupGroup.setTitle(QCoreApplication.translate("SalesOrderInterface", u"Setup", None))
        self.shippingGroup.setTitle(QCoreApplication.translate("SalesOrderInterface", u"Shipping", None))
        self.itemsGroup.setTitle(QCoreApplication.translate("SalesOrderInterface", u"Items", None))
        self.paymentGroup.setTitle(QCoreApplication.translate("SalesOrderInterface", u"Payment", None))
        self.totalsLabel.setText("")
        self.shortcutsLabel.setText(QCoreApplication.translate("SalesOrderInterface", u"Ctrl+F customer \u00b7 Ctrl+1..4 sections \u00b7 Enter adds a line \u00b7 Ctrl+Enter completes", None))
        self.clearButton.setText(QCoreApplication.translate("SalesOrderInterface", u"C&lear", None))
        self.completeButton.setText(QCoreApplication.translate("SalesOrderInterface", u"&Complete Order", None))
    # retranslateUi

