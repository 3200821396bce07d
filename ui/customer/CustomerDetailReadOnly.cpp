// CustomerDetailView while the team server is away: the page keeps showing this machine's copy,
// and every button that would write to the server is off, saying why.
#include "PlainText.h"
#include "customer/CustomerDetailView.h"

#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>

namespace tenure {

void CustomerDetailView::setReadOnly(const QString& reason)
{
    m_readOnly = reason;
    applyReadOnly();
}

void CustomerDetailView::applyReadOnly()
{
    const bool writable = m_readOnly.isEmpty();
    const bool shown = m_report.has_value();
    m_addNote->setEnabled(shown && writable);
    m_addNote->setToolTip(PlainText::asRichText(m_readOnly));
    m_addOutcome->setEnabled(shown && writable);
    m_addOutcome->setToolTip(writable ? m_addOutcome->property("writableTip").toString()
                                      : PlainText::asRichText(m_readOnly));
    for (int row = 0; row < m_actions->rowCount(); ++row) {
        QWidget* buttons = m_actions->cellWidget(row, 3);
        if (!buttons)
            continue;
        for (QToolButton* button : buttons->findChildren<QToolButton*>()) {
            button->setEnabled(writable);
            button->setToolTip(writable ? button->property("writableTip").toString()
                                        : PlainText::asRichText(m_readOnly));
        }
    }
}

} // namespace tenure
