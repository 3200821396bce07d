#include "domain/Outcome.h"

namespace tenure {

QString Outcome::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Churned:
        return QStringLiteral("churned");
    case Kind::Renewed:
        return QStringLiteral("renewed");
    case Kind::Expanded:
        return QStringLiteral("expanded");
    case Kind::Contracted:
        return QStringLiteral("contracted");
    }
    return {};
}

QString Outcome::label(Kind kind)
{
    switch (kind) {
    case Kind::Churned:
        return tr("Churned");
    case Kind::Renewed:
        return tr("Renewed");
    case Kind::Expanded:
        return tr("Expanded");
    case Kind::Contracted:
        return tr("Contracted");
    }
    return {};
}

std::optional<Outcome::Kind> Outcome::kindFromName(const QString& name)
{
    for (Kind kind : { Kind::Churned, Kind::Renewed, Kind::Expanded, Kind::Contracted }) {
        if (name.compare(kindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

} // namespace tenure
