# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'order_manager.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout,
    QWidget)

from xmart.ui.widgets.order_sections import (ItemsSection, PaymentSection, SetupSection, ShippingSection)

class Ui_OrderManager(object):
    def setupUi(self, OrderManager):
        if not OrderManager.objectName():
            OrderManager.setObjectName(u"OrderManager")
        self.layout = QVBoxLayout(OrderManager)
        self.layout.setObjectName(u"layout")
        self.headerLabel = QLabel(OrderManager)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setTextFormat(Qt.TextFormat.RichText)

        self.layout.addWidget(self.headerLabel)

        self.tabs = QTabWidget(OrderManager)
        self.tabs.setObjectName(u"tabs")
        self.setupTab = QWidget()
        self.setupTab.setObjectName(u"setupTab")
        self.setupLayout = QVBoxLayout(self.setupTab)
        self.setupLayout.setObjectName(u"setupLayout")
        self.setupSection = SetupSection(self.setupTab)
        self.setupSection.setObjectName(u"setupSection")

        self.setupLayout.addWidget(self.setupSection)

        self.tabs.addTab(self.setupTab, "")
        self.itemsTab = QWidget()
        self.itemsTab.setObjectName(u"itemsTab")
        self.itemsLayout = QVBoxLayout(self.itemsTab)
        self.itemsLayout.setObjectName(u"itemsLayout")
        self.itemsSection = ItemsSection(self.itemsTab)
        self.itemsSection.setObjectName(u"itemsSection")

        self.itemsLayout.addWidget(self.itemsSection)

        self.tabs.addTab(self.itemsTab, "")
        self.paymentTab = QWidget()
        self.paymentTab.setObjectName(u"paymentTab")
        self.paymentLayout = QVBoxLayout(self.paymentTab)
        self.paymentLayout.setObjectName(u"paymentLayout")
        self.paymentSection = PaymentSection(self.paymentTab)
        self.paymentSection.setObjectName(u"paymentSection")

        self.paymentLayout.addWidget(self.paymentSection)

        self.tabs.addTab(self.paymentTab, "")
        self.shippingTab = QWidget()
        self.shippingTab.setObjectName(u"shippingTab")
        self.shippingLayout = QVBoxLayout(self.shippingTab)
        self.shippingLayout.setObjectName(u"shippingLayout")
        self.shippingSection = ShippingSection(self.shippingTab)
        self.shippingSection.setObjectName(u"shippingSection")

        self.shippingLayout.addWidget(self.shippingSection)

        self.tabs.addTab(self.shippingTab, "")

        self.layout.addWidget(self.tabs)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.totalsLabel = QLabel(OrderManager)
        self.totalsLabel.setObjectName(u"totalsLabel")

        self.buttons.addWidget(self.totalsLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.saveButton = QPushButton(OrderManager)
        self.saveButton.setObjectName(u"saveButton")

        self.buttons.addWidget(self.saveButton)

        self.completeButton = QPushButton(OrderManager)
        self.completeButton.setObjectName(u"completeButton")

        self.buttons.addWidget(self.completeButton)


        self.layout.addLayout(self.buttons)


        self.retranslateUi(OrderManager)

        QMetaObject.connectSlotsByName(OrderManager)
    # setupUi

    def retranslateUi(self, OrderManager):
        OrderManager.setWindowTitle(QCoreApplication.translate("OrderManager", u"Order Manager", None))
        self.headerLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.setupTab), QCoreApplication.translate("OrderManager", u"1 Setup", None))
        self.tabs.setTabText(self.tabs.indexOf(self.itemsTab), QCoreApplication.translate("OrderManager", u"2 Items", None))
        self.tabs.setTabText(self.tabs.indexOf(self.paymentTab), QCoreApplication.translate("OrderManager", u"3 Payment", None))
        self.tabs.setTabText(self.tabs.indexOf(self.shippingTab), QCoreApplication.translate("OrderManager", u"4 Shipping", None))
        self.totalsLabel.setText("")
        self.saveButton.setText(QCoreApplication.translate("OrderManager", u"&Save Draft", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("OrderManager", u"Save every section (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.completeButton.setText(QCoreApplication.translate("OrderManager", u"&Complete Order", None))
#if QT_CONFIG(tooltip)
        self.completeButton.setToolTip(QCoreApplication.translate("OrderManager", u"Check every section, open the order and e-mail the confirmation (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

