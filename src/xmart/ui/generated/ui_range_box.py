# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'range_box.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QStackedWidget, QWidget)

from xmart.ui.widgets.date_field import DateField

class Ui_RangeBox(object):
    def setupUi(self, RangeBox):
        if not RangeBox.objectName():
            RangeBox.setObjectName(u"RangeBox")
        self.grid = QGridLayout(RangeBox)
        self.grid.setObjectName(u"grid")
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.firstLabel = QLabel(RangeBox)
        self.firstLabel.setObjectName(u"firstLabel")

        self.grid.addWidget(self.firstLabel, 0, 0, 1, 1)

        self.firstStack = QStackedWidget(RangeBox)
        self.firstStack.setObjectName(u"firstStack")
        self.firstDate = DateField()
        self.firstDate.setObjectName(u"firstDate")
        self.firstStack.addWidget(self.firstDate)
        self.firstNumber = QLineEdit()
        self.firstNumber.setObjectName(u"firstNumber")
        self.firstStack.addWidget(self.firstNumber)

        self.grid.addWidget(self.firstStack, 0, 1, 1, 1)

        self.lastLabel = QLabel(RangeBox)
        self.lastLabel.setObjectName(u"lastLabel")

        self.grid.addWidget(self.lastLabel, 0, 2, 1, 1)

        self.lastStack = QStackedWidget(RangeBox)
        self.lastStack.setObjectName(u"lastStack")
        self.lastDate = DateField()
        self.lastDate.setObjectName(u"lastDate")
        self.lastStack.addWidget(self.lastDate)
        self.lastNumber = QLineEdit()
        self.lastNumber.setObjectName(u"lastNumber")
        self.lastStack.addWidget(self.lastNumber)

        self.grid.addWidget(self.lastStack, 0, 3, 1, 1)

        self.errorLabel = QLabel(RangeBox)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(False)

        self.grid.addWidget(self.errorLabel, 1, 0, 1, 4)


        self.retranslateUi(RangeBox)

        QMetaObject.connectSlotsByName(RangeBox)
    # setupUi

    def retranslateUi(self, RangeBox):
        self.firstLabel.setText(QCoreApplication.translate("RangeBox", u"&First date:", None))
        self.firstNumber.setPlaceholderText(QCoreApplication.translate("RangeBox", u"e.g. 1001", None))
        self.lastLabel.setText(QCoreApplication.translate("RangeBox", u"&Last date:", None))
        self.lastNumber.setPlaceholderText(QCoreApplication.translate("RangeBox", u"e.g. 1099", None))
        self.errorLabel.setText("")
        pass
    # retranslateUi

