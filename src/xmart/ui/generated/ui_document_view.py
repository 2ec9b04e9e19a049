# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_view.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

class Ui_DocumentView(object):
    def setupUi(self, DocumentView):
        if not DocumentView.objectName():
            DocumentView.setObjectName(u"DocumentView")
        DocumentView.setMinimumSize(QSize(760, 480))
        self.layout = QVBoxLayout(DocumentView)
        self.layout.setObjectName(u"layout")
        self.titleLabel = QLabel(DocumentView)
        self.titleLabel.setObjectName(u"titleLabel")

        self.layout.addWidget(self.titleLabel)

        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.leftForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.headerLayout.addLayout(self.leftForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.rightForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.headerLayout.addLayout(self.rightForm)


        self.layout.addLayout(self.headerLayout)

        self.linesView = QTableView(DocumentView)
        self.linesView.setObjectName(u"linesView")
        self.linesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.linesView.setAlternatingRowColors(True)
        self.linesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linesView.setWordWrap(False)

        self.layout.addWidget(self.linesView)

        self.totalsLabel = QLabel(DocumentView)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.layout.addWidget(self.totalsLabel)

        self.buttonBox = QDialogButtonBox(DocumentView)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(DocumentView)

        QMetaObject.connectSlotsByName(DocumentView)
    # setupUi

    def retranslateUi(self, DocumentView):
        DocumentView.setWindowTitle(QCoreApplication.translate("DocumentView", u"Document", None))
        self.titleLabel.setText("")
        self.totalsLabel.setText("")
    # retranslateUi

