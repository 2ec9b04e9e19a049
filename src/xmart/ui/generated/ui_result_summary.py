# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'result_summary.ui'
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
    QHeaderView, QLabel, QSizePolicy, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ResultSummaryDialog(object):
    def setupUi(self, ResultSummaryDialog):
        if not ResultSummaryDialog.objectName():
            ResultSummaryDialog.setObjectName(u"ResultSummaryDialog")
        ResultSummaryDialog.setMinimumSize(QSize(640, 420))
        self.layout = QVBoxLayout(ResultSummaryDialog)
        self.layout.setObjectName(u"layout")
        self.headlineLabel = QLabel(ResultSummaryDialog)
        self.headlineLabel.setObjectName(u"headlineLabel")
        self.headlineLabel.setWordWrap(True)

        self.layout.addWidget(self.headlineLabel)

        self.documentsLabel = QLabel(ResultSummaryDialog)
        self.documentsLabel.setObjectName(u"documentsLabel")

        self.layout.addWidget(self.documentsLabel)

        self.documentTree = QTreeWidget(ResultSummaryDialog)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.documentTree.setHeaderItem(__qtreewidgetitem)
        self.documentTree.setObjectName(u"documentTree")
        self.documentTree.setAlternatingRowColors(True)
        self.documentTree.setUniformRowHeights(True)

        self.layout.addWidget(self.documentTree)

        self.otherLabel = QLabel(ResultSummaryDialog)
        self.otherLabel.setObjectName(u"otherLabel")

        self.layout.addWidget(self.otherLabel)

        self.otherTree = QTreeWidget(ResultSummaryDialog)
        __qtreewidgetitem1 = QTreeWidgetItem()
        __qtreewidgetitem1.setText(0, u"1")
        self.otherTree.setHeaderItem(__qtreewidgetitem1)
        self.otherTree.setObjectName(u"otherTree")
        self.otherTree.setAlternatingRowColors(True)
        self.otherTree.setRootIsDecorated(False)
        self.otherTree.setUniformRowHeights(True)
        self.otherTree.setMaximumSize(QSize(16777215, 160))

        self.layout.addWidget(self.otherTree)

        self.buttonBox = QDialogButtonBox(ResultSummaryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(ResultSummaryDialog)

        QMetaObject.connectSlotsByName(ResultSummaryDialog)
    # setupUi

    def retranslateUi(self, ResultSummaryDialog):
        ResultSummaryDialog.setWindowTitle(QCoreApplication.translate("ResultSummaryDialog", u"Result", None))
        self.headlineLabel.setText("")
        self.documentsLabel.setText(QCoreApplication.translate("ResultSummaryDialog", u"Generated documents", None))
        self.otherLabel.setText(QCoreApplication.translate("ResultSummaryDialog", u"Not assigned", None))
    # retranslateUi

