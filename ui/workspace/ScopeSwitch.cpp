#include "workspace/ScopeSwitch.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QToolButton>

namespace tenure {

ScopeSwitch::ScopeSwitch(QWidget* parent)
    : QWidget(parent)
    , m_mine(new QToolButton(this))
    , m_team(new QToolButton(this))
{
    setObjectName(QStringLiteral("scope"));
    m_mine->setObjectName(QStringLiteral("mine"));
    m_mine->setText(tr("My accounts"));
    m_team->setObjectName(QStringLiteral("team"));
    m_team->setText(tr("Team"));
    auto* group = new QButtonGroup(this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (QToolButton* button : { m_mine, m_team }) {
        button->setCheckable(true);
        group->addButton(button);
        layout->addWidget(button);
    }
    m_mine->setChecked(true);
    connect(m_mine, &QToolButton::toggled, this, &ScopeSwitch::changed);
}

bool ScopeSwitch::isMine() const
{
    return m_mine->isChecked();
}

void ScopeSwitch::setMine(bool mine)
{
    (mine ? m_mine : m_team)->setChecked(true);
}

} // namespace tenure
