# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assign_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

from xmart.ui.widgets.date_field import DateField
from xmart.ui.widgets.range_box import RangeBox
from xmart.ui.widgets.store_selector import StoreSelector

class Ui_AssignDialog(object):
    def setupUi(self, AssignDialog):
        if not AssignDialog.objectName():
            AssignDialog.setObjectName(u"AssignDialog")
        AssignDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(AssignDialog)
        self.layout.setObjectName(u"layout")
        self.printCheck = QCheckBox(AssignDialog)
        self.printCheck.setObjectName(u"printCheck")

        self.layout.addWidget(self.printCheck)

        self.pendingCheck = QCheckBox(AssignDialog)
        self.pendingCheck.setObjectName(u"pendingCheck")
        self.pendingCheck.setChecked(True)

        self.layout.addWidget(self.pendingCheck)

        self.excludeForm = QFormLayout()
        self.excludeForm.setObjectName(u"excludeForm")
        self.excludeForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.excludeLabel = QLabel(AssignDialog)
        self.excludeLabel.setObjectName(u"excludeLabel")

        self.excludeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.excludeLabel)

        self.excludeBeforeEdit = DateField(AssignDialog)
        self.excludeBeforeEdit.setObjectName(u"excludeBeforeEdit")

        self.excludeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.excludeBeforeEdit)

        self.excludeError = QLabel(AssignDialog)
        self.excludeError.setObjectName(u"excludeError")
        self.excludeError.setWordWrap(True)

        self.excludeForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.excludeError)


        self.layout.addLayout(self.excludeForm)

        self.rangeGroup = QGroupBox(AssignDialog)
        self.rangeGroup.setObjectName(u"rangeGroup")
        self.rangeLayout = QVBoxLayout(self.rangeGroup)
        self.rangeLayout.setObjectName(u"rangeLayout")
        self.rangeBox = RangeBox(self.rangeGroup)
        self.rangeBox.setObjectName(u"rangeBox")

        self.rangeLayout.addWidget(self.rangeBox)


        self.layout.addWidget(self.rangeGroup)

        self.storeGroup = QGroupBox(AssignDialog)
        self.storeGroup.setObjectName(u"storeGroup")
        self.storeLayout = QVBoxLayout(self.storeGroup)
        self.storeLayout.setObjectName(u"storeLayout")
        self.storeSelector = StoreSelector(self.storeGroup)
        self.storeSelector.setObjectName(u"storeSelector")

        self.storeLayout.addWidget(self.storeSelector)


        self.layout.addWidget(self.storeGroup)

        self.buttonBox = QDialogButtonBox(AssignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.excludeLabel.setBuddy(self.excludeBeforeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.printCheck, self.pendingCheck)
        QWidget.setTabOrder(self.pendingCheck, self.excludeBeforeEdit)

        self.retranslateUi(AssignDialog)

        QMetaObject.connectSlotsByName(AssignDialog)
    # setupUi

    def retranslateUi(self, AssignDialog):
        AssignDialog.setWindowTitle(QCoreApplication.translate("AssignDialog", u"Assign Corporate Sale Orders", None))
        self.printCheck.setText(QCoreApplication.translate("AssignDialog", u"Print the &generated sale orders", None))
        self.pendingCheck.setText(QCoreApplication.translate("AssignDialog", u"&Consider items pending on Sale Orders", None))
        self.excludeLabel.setText(QCoreApplication.translate("AssignDialog", u"E&xclude sale orders dated before:", None))
        self.excludeError.setText("")
        self.rangeGroup.setTitle(QCoreApplication.translate("AssignDialog", u"Corporate sale orders", None))
        self.storeGroup.setTitle(QCoreApplication.translate("AssignDialog", u"Assign from these locations", None))
    # retranslateUi

