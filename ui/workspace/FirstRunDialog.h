#pragma once

#include <QDialog>

namespace tenure {

// Shown when Tenure starts with no workspace: try the demo, start empty, or open a file.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { None, Demo, Empty, Open };

    explicit FirstRunDialog(QWidget* parent = nullptr);
    Choice choice() const { return m_choice; }

private:
    Choice m_choice = Choice::None;
};

} // namespace tenure
