#pragma once

#include <QWidget>

class QToolButton;

namespace tenure {

// "My accounts | Team": two buttons, one click apart, for the views of a team workspace that
// start from the signed-in member's own accounts (the customer list, the action queue).
class ScopeSwitch : public QWidget
{
    Q_OBJECT

public:
    explicit ScopeSwitch(QWidget* parent = nullptr);

    bool isMine() const;
    void setMine(bool mine); // emits changed() when it changes

signals:
    void changed(bool mine);

private:
    QToolButton* m_mine;
    QToolButton* m_team;
};

} // namespace tenure
