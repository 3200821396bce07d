#include "rules/RuleSetJson.h"

#include "util/JsonInput.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace tenure {

namespace {

using Path = QString;

struct Fail
{
    QString message;
};

const QList<std::pair<Measure::Kind, QString>>& measureKinds()
{
    static const QList<std::pair<Measure::Kind, QString>> kinds {
        { Measure::Kind::EventCount, QStringLiteral("event_count") },
        { Measure::Kind::ActiveUsers, QStringLiteral("active_users") },
        { Measure::Kind::DaysSinceEvent, QStringLiteral("days_since_event") },
        { Measure::Kind::DaysUntilDate, QStringLiteral("days_until_date") },
        { Measure::Kind::DaysSinceDate, QStringLiteral("days_since_date") },
        { Measure::Kind::AccountField, QStringLiteral("account_field") },
        { Measure::Kind::Trend, QStringLiteral("trend") },
        { Measure::Kind::DaysSinceOutcome, QStringLiteral("days_since_outcome") },
    };
    return kinds;
}

const QList<std::pair<Comparison::Op, QString>>& ops()
{
    static const QList<std::pair<Comparison::Op, QString>> all {
        { Comparison::Op::AtLeast, QStringLiteral(">=") }, { Comparison::Op::AtMost, QStringLiteral("<=") },
        { Comparison::Op::Greater, QStringLiteral(">") },  { Comparison::Op::Less, QStringLiteral("<") },
        { Comparison::Op::Equal, QStringLiteral("==") },   { Comparison::Op::NotEqual, QStringLiteral("!=") },
    };
    return all;
}

// A tiny reader that carries the JSON path and throws Fail with it; caught once in fromObject.
class Reader
{
public:
    Reader(const QJsonObject& object, Path path)
        : m_object(object)
        , m_path(std::move(path))
    {
    }

    [[noreturn]] void fail(const QString& key, const QString& what) const
    {
        throw Fail { (key.isEmpty() ? m_path : join(key)) + QStringLiteral(": ") + what };
    }
    QString join(const QString& key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }
    bool has(const QString& key) const { return m_object.contains(key); }

    QString string(const QString& key, bool required = true) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() && !required)
            return {};
        if (!value.isString() || (required && value.toString().trimmed().isEmpty()))
            fail(key, RuleSetJson::tr("expected a non-empty text"));
        return value.toString();
    }
    double number(const QString& key, std::optional<double> fallback = std::nullopt) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() && fallback)
            return *fallback;
        if (!value.isDouble())
            fail(key, RuleSetJson::tr("expected a number"));
        return value.toDouble();
    }
    bool boolean(const QString& key, bool fallback) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool())
            fail(key, RuleSetJson::tr("expected true or false"));
        return value.toBool();
    }
    QJsonArray array(const QString& key, bool required = true) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() && !required)
            return {};
        if (!value.isArray())
            fail(key, RuleSetJson::tr("expected a list"));
        return value.toArray();
    }
    Reader object(const QString& key) const
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject())
            fail(key, RuleSetJson::tr("expected an object"));
        return Reader(value.toObject(), join(key));
    }
    Reader element(const QJsonArray& array, const QString& key, qsizetype index) const
    {
        const QString path = QStringLiteral("%1[%2]").arg(join(key)).arg(index);
        if (!array.at(index).isObject())
            throw Fail { path + QStringLiteral(": ") + RuleSetJson::tr("expected an object") };
        return Reader(array.at(index).toObject(), path);
    }
    const QJsonObject& raw() const { return m_object; }

    // Reads the "id" field and fails when `taken` already has it: ids name things in the breakdown.
    QString uniqueId(QSet<QString>& taken, const QString& clash) const
    {
        const QString id = string(QStringLiteral("id"));
        if (taken.contains(id))
            fail(QStringLiteral("id"), clash.arg(id));
        taken.insert(id);
        return id;
    }

private:
    QJsonObject m_object;
    Path m_path;
};

Measure readMeasure(const Reader& in)
{
    Measure measure;
    const QString kind = in.string(QStringLiteral("kind"));
    auto found = std::find_if(measureKinds().begin(), measureKinds().end(),
                              [&](const auto& k) { return k.second == kind; });
    if (found == measureKinds().end()) {
        QStringList names;
        for (const auto& k : measureKinds())
            names << k.second;
        in.fail(QStringLiteral("kind"),
                RuleSetJson::tr("unknown measure \"%1\" (expected one of %2)")
                    .arg(kind, names.join(QStringLiteral(", "))));
    }
    measure.kind = found->first;
    const QJsonArray events = in.array(QStringLiteral("events"), false);
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!events.at(i).isString() || events.at(i).toString().isEmpty())
            in.fail(QStringLiteral("events[%1]").arg(i), RuleSetJson::tr("expected an event name"));
        measure.events << events.at(i).toString();
    }
    const bool windowed = measure.kind == Measure::Kind::EventCount
        || measure.kind == Measure::Kind::ActiveUsers || measure.kind == Measure::Kind::Trend;
    if (windowed) {
        const double window = in.number(QStringLiteral("window_days"));
        if (window <= 0 || window != std::floor(window))
            in.fail(QStringLiteral("window_days"), RuleSetJson::tr("must be a whole number > 0"));
        if (window > 3660)
            in.fail(QStringLiteral("window_days"), RuleSetJson::tr("must be at most 3660 (ten years)"));
        measure.windowDays = int(window);
    }
    measure.perSeat = in.boolean(QStringLiteral("per_seat"), false);
    switch (measure.kind) {
    case Measure::Kind::DaysUntilDate:
    case Measure::Kind::DaysSinceDate: {
        measure.field = in.string(QStringLiteral("field"));
        if (measure.field != QLatin1String("renewal_date") && measure.field != QLatin1String("signup_date"))
            in.fail(QStringLiteral("field"), RuleSetJson::tr("expected renewal_date or signup_date"));
        break;
    }
    case Measure::Kind::AccountField: {
        measure.field = in.string(QStringLiteral("field"));
        static const QSet<QString> fields { QStringLiteral("id"),    QStringLiteral("name"),
                                            QStringLiteral("owner"), QStringLiteral("plan"),
                                            QStringLiteral("arr"),   QStringLiteral("currency"),
                                            QStringLiteral("seats") };
        if (!fields.contains(measure.field) && !measure.field.startsWith(QLatin1String("attributes.")))
            in.fail(
                QStringLiteral("field"),
                RuleSetJson::tr("expected id, name, owner, plan, arr, currency, seats or attributes.<name>"));
        break;
    }
    case Measure::Kind::DaysSinceOutcome: {
        const auto kind = Outcome::kindFromName(in.string(QStringLiteral("outcome")));
        if (!kind)
            in.fail(QStringLiteral("outcome"),
                    RuleSetJson::tr("expected churned, renewed, expanded or contracted"));
        measure.outcome = *kind;
        break;
    }
    default:
        break;
    }
    return measure;
}

Comparison readComparison(const Reader& in, const QString& opKey = QStringLiteral("op"))
{
    Comparison comparison;
    const QString op = in.string(opKey);
    auto found = std::find_if(ops().begin(), ops().end(), [&](const auto& o) { return o.second == op; });
    if (found == ops().end())
        in.fail(opKey,
                RuleSetJson::tr("unknown comparison \"%1\" (expected >=, <=, >, <, == or !=)").arg(op));
    comparison.op = found->first;
    const QJsonValue value = in.raw().value(QStringLiteral("value"));
    if (value.isDouble())
        comparison.value = value.toDouble();
    else if (value.isBool())
        comparison.value = value.toBool();
    else if (value.isString())
        comparison.value = value.toString();
    else
        in.fail(QStringLiteral("value"), RuleSetJson::tr("expected a number, true/false or a text"));
    if (comparison.value.typeId() == QMetaType::QString && comparison.op != Comparison::Op::Equal
        && comparison.op != Comparison::Op::NotEqual)
        in.fail(opKey, RuleSetJson::tr("a text can only be compared with == or !="));
    return comparison;
}

Condition readCondition(const Reader& in, int depth = 0)
{
    if (depth > 16)
        in.fail({}, RuleSetJson::tr("conditions are nested too deeply"));
    Condition condition;
    const bool all = in.has(QStringLiteral("all"));
    const bool any = in.has(QStringLiteral("any"));
    if (all && any)
        in.fail({}, RuleSetJson::tr("use either \"all\" or \"any\", not both"));
    if (all || any) {
        const QString key = all ? QStringLiteral("all") : QStringLiteral("any");
        condition.type = all ? Condition::Type::All : Condition::Type::Any;
        const QJsonArray children = in.array(key);
        if (children.isEmpty())
            in.fail(key, RuleSetJson::tr("must list at least one condition"));
        for (qsizetype i = 0; i < children.size(); ++i)
            condition.children << readCondition(in.element(children, key, i), depth + 1);
        return condition;
    }
    condition.measure = readMeasure(in.object(QStringLiteral("measure")));
    condition.comparison = readComparison(in);
    return condition;
}

Scoring readScoring(const Reader& in)
{
    Scoring scoring;
    const QString mode = in.string(QStringLiteral("mode"));
    if (mode == QLatin1String("pass")) {
        scoring.mode = Scoring::Mode::Pass;
        scoring.pass = readComparison(in);
    } else if (mode == QLatin1String("linear")) {
        scoring.mode = Scoring::Mode::Linear;
        scoring.zeroAt = in.number(QStringLiteral("zero_at"));
        scoring.fullAt = in.number(QStringLiteral("full_at"));
        if (scoring.zeroAt == scoring.fullAt)
            in.fail(QStringLiteral("full_at"), RuleSetJson::tr("must differ from zero_at"));
    } else if (mode == QLatin1String("tiers")) {
        scoring.mode = Scoring::Mode::Tiers;
        const QJsonArray tiers = in.array(QStringLiteral("tiers"));
        if (tiers.isEmpty())
            in.fail(QStringLiteral("tiers"), RuleSetJson::tr("must list at least one tier"));
        for (qsizetype i = 0; i < tiers.size(); ++i) {
            const Reader tier = in.element(tiers, QStringLiteral("tiers"), i);
            const double from = tier.number(QStringLiteral("from"));
            const double share = tier.number(QStringLiteral("points"));
            if (share < 0 || share > 1)
                tier.fail(QStringLiteral("points"),
                          RuleSetJson::tr("must be between 0 and 1 (a share of the weight)"));
            if (!scoring.tiers.isEmpty() && from <= scoring.tiers.constLast().from)
                tier.fail(QStringLiteral("from"),
                          RuleSetJson::tr("tiers must be in ascending order of \"from\""));
            scoring.tiers.append({ from, share });
        }
    } else {
        in.fail(QStringLiteral("mode"),
                RuleSetJson::tr("unknown scoring \"%1\" (expected pass, linear or tiers)").arg(mode));
    }
    return scoring;
}

RuleSet readRuleSet(const Reader& in)
{
    RuleSet rules;
    rules.name = in.string(QStringLiteral("name"));

    const QJsonArray bands = in.array(QStringLiteral("bands"));
    if (bands.isEmpty())
        in.fail(QStringLiteral("bands"), RuleSetJson::tr("must list at least one band"));
    for (qsizetype i = 0; i < bands.size(); ++i) {
        const Reader band = in.element(bands, QStringLiteral("bands"), i);
        Band b { band.string(QStringLiteral("name")), band.string(QStringLiteral("color"), false),
                 band.number(QStringLiteral("min_score")) };
        if (b.minScore < 0 || b.minScore > 100)
            band.fail(QStringLiteral("min_score"), RuleSetJson::tr("must be between 0 and 100"));
        if (!rules.bands.isEmpty() && b.minScore >= rules.bands.constLast().minScore)
            band.fail(QStringLiteral("min_score"),
                      RuleSetJson::tr("bands must be listed from the highest min_score down"));
        rules.bands << b;
    }
    if (rules.bands.constLast().minScore != 0)
        in.fail(QStringLiteral("bands[%1].min_score").arg(bands.size() - 1),
                RuleSetJson::tr("the last band must start at 0 so that every score has a band"));

    const QJsonArray stages = in.array(QStringLiteral("stages"));
    if (stages.isEmpty())
        in.fail(QStringLiteral("stages"), RuleSetJson::tr("must list at least one stage"));
    QSet<QString> stageIds;
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const Reader stageIn = in.element(stages, QStringLiteral("stages"), i);
        Stage stage;
        stage.id = stageIn.uniqueId(stageIds, RuleSetJson::tr("\"%1\" is used by an earlier stage"));
        stage.name = stageIn.string(QStringLiteral("name"));
        stage.color = stageIn.string(QStringLiteral("color"), false);
        const bool last = i == stages.size() - 1;
        if (last && stageIn.has(QStringLiteral("when")))
            stageIn.fail(
                QStringLiteral("when"),
                RuleSetJson::tr(
                    "the last stage must have no condition: it takes every account no earlier stage took"));
        if (stageIn.has(QStringLiteral("when")))
            stage.when = readCondition(stageIn.object(QStringLiteral("when")));
        else if (!last)
            stageIn.fail(
                QStringLiteral("when"),
                RuleSetJson::tr(
                    "only the last stage may have no condition (it would hide the stages after it)"));
        const QJsonArray criteria = stageIn.array(QStringLiteral("criteria"), false);
        QSet<QString> criterionIds;
        for (qsizetype c = 0; c < criteria.size(); ++c) {
            const Reader criterionIn = stageIn.element(criteria, QStringLiteral("criteria"), c);
            HealthCriterion criterion;
            criterion.id
                = criterionIn.uniqueId(criterionIds, RuleSetJson::tr("\"%1\" is used twice in this stage"));
            criterion.label = criterionIn.string(QStringLiteral("label"));
            criterion.weight = criterionIn.number(QStringLiteral("weight"), 1.0);
            if (criterion.weight <= 0)
                criterionIn.fail(QStringLiteral("weight"), RuleSetJson::tr("must be > 0"));
            criterion.measure = readMeasure(criterionIn.object(QStringLiteral("measure")));
            criterion.scoring = readScoring(criterionIn.object(QStringLiteral("score")));
            stage.criteria << criterion;
        }
        rules.stages << stage;
    }
    return rules;
}

QJsonValue jsonValue(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::QString:
        return value.toString();
    default:
        return value.toDouble();
    }
}

QJsonObject measureObject(const Measure& measure)
{
    QJsonObject object { { QStringLiteral("kind"), RuleSetJson::measureKindName(measure.kind) } };
    if (!measure.events.isEmpty())
        object.insert(QStringLiteral("events"), QJsonArray::fromStringList(measure.events));
    if (measure.kind == Measure::Kind::EventCount || measure.kind == Measure::Kind::ActiveUsers
        || measure.kind == Measure::Kind::Trend)
        object.insert(QStringLiteral("window_days"), measure.windowDays);
    if (measure.perSeat)
        object.insert(QStringLiteral("per_seat"), true);
    if (!measure.field.isEmpty())
        object.insert(QStringLiteral("field"), measure.field);
    if (measure.kind == Measure::Kind::DaysSinceOutcome)
        object.insert(QStringLiteral("outcome"), Outcome::kindName(measure.outcome));
    return object;
}

QJsonObject conditionObject(const Condition& condition)
{
    if (condition.type != Condition::Type::Leaf) {
        QJsonArray children;
        for (const Condition& child : condition.children)
            children.append(conditionObject(child));
        return { { condition.type == Condition::Type::All ? QStringLiteral("all") : QStringLiteral("any"),
                   children } };
    }
    return { { QStringLiteral("measure"), measureObject(condition.measure) },
             { QStringLiteral("op"), RuleSetJson::opName(condition.comparison.op) },
             { QStringLiteral("value"), jsonValue(condition.comparison.value) } };
}

QJsonObject scoringObject(const Scoring& scoring)
{
    switch (scoring.mode) {
    case Scoring::Mode::Pass:
        return { { QStringLiteral("mode"), QStringLiteral("pass") },
                 { QStringLiteral("op"), RuleSetJson::opName(scoring.pass.op) },
                 { QStringLiteral("value"), jsonValue(scoring.pass.value) } };
    case Scoring::Mode::Linear:
        return { { QStringLiteral("mode"), QStringLiteral("linear") },
                 { QStringLiteral("zero_at"), scoring.zeroAt },
                 { QStringLiteral("full_at"), scoring.fullAt } };
    case Scoring::Mode::Tiers: {
        QJsonArray tiers;
        for (const Scoring::Tier& tier : scoring.tiers)
            tiers.append(QJsonObject { { QStringLiteral("from"), tier.from },
                                       { QStringLiteral("points"), tier.share } });
        return { { QStringLiteral("mode"), QStringLiteral("tiers") }, { QStringLiteral("tiers"), tiers } };
    }
    }
    return {};
}

} // namespace

QString RuleSetJson::measureKindName(Measure::Kind kind)
{
    for (const auto& [k, name] : measureKinds()) {
        if (k == kind)
            return name;
    }
    return {};
}

QString RuleSetJson::opName(Comparison::Op op)
{
    for (const auto& [o, name] : ops()) {
        if (o == op)
            return name;
    }
    return {};
}

Result<RuleSet> RuleSetJson::parse(const QByteArray& json)
{
    Result<QJsonObject> object = json::parseObject(json);
    if (!object)
        return Error { object.error() };
    return fromObject(*object);
}

Result<RuleSet> RuleSetJson::fromObject(const QJsonObject& object)
{
    try {
        return readRuleSet(Reader(object, {}));
    } catch (const Fail& fail) {
        return Error { fail.message };
    }
}

QJsonObject RuleSetJson::toObject(const RuleSet& rules)
{
    QJsonArray bands;
    for (const Band& band : rules.bands) {
        QJsonObject object { { QStringLiteral("name"), band.name },
                             { QStringLiteral("min_score"), band.minScore } };
        if (!band.color.isEmpty())
            object.insert(QStringLiteral("color"), band.color);
        bands.append(object);
    }
    QJsonArray stages;
    for (const Stage& stage : rules.stages) {
        QJsonObject object { { QStringLiteral("id"), stage.id }, { QStringLiteral("name"), stage.name } };
        if (!stage.color.isEmpty())
            object.insert(QStringLiteral("color"), stage.color);
        if (stage.when)
            object.insert(QStringLiteral("when"), conditionObject(*stage.when));
        QJsonArray criteria;
        for (const HealthCriterion& criterion : stage.criteria) {
            criteria.append(QJsonObject { { QStringLiteral("id"), criterion.id },
                                          { QStringLiteral("label"), criterion.label },
                                          { QStringLiteral("weight"), criterion.weight },
                                          { QStringLiteral("measure"), measureObject(criterion.measure) },
                                          { QStringLiteral("score"), scoringObject(criterion.scoring) } });
        }
        if (!criteria.isEmpty())
            object.insert(QStringLiteral("criteria"), criteria);
        stages.append(object);
    }
    return { { QStringLiteral("name"), rules.name },
             { QStringLiteral("bands"), bands },
             { QStringLiteral("stages"), stages } };
}

QByteArray RuleSetJson::serialize(const RuleSet& rules)
{
    return QJsonDocument(toObject(rules)).toJson(QJsonDocument::Indented);
}

RuleSet RuleSetJson::defaults(const QLocale& locale)
{
    QFile file(
        QStringLiteral(":/rules/default-rules.%1.json").arg(QLocale::languageToCode(locale.language())));
    if (!file.exists())
        file.setFileName(QStringLiteral(":/rules/default-rules.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the default rule set is missing from the build");
    Result<RuleSet> rules = parse(file.readAll());
    if (!rules)
        qFatal("the default rule set is invalid: %s", qPrintable(rules.error()));
    return std::move(rules).value();
}

QJsonValue RuleSetJson::valueFromText(const QString& text)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    const double number = trimmed.toDouble(&ok);
    if (ok)
        return number;
    if (trimmed == QLatin1String("true") || trimmed == QLatin1String("false"))
        return trimmed == QLatin1String("true");
    return trimmed;
}

QString RuleSetJson::textOfValue(const QJsonValue& value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 10);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

} // namespace tenure
