#pragma once

#include <QDialog>

namespace tenure {

// Help → About: version, the libraries Tenure is built on, and their licences.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
};

} // namespace tenure
