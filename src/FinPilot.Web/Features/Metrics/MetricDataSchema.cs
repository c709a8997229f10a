namespace FinPilot.Web.Features.Metrics;

/// <summary>
/// The JSON Schema of a metric event's <c>data</c>, served at <see cref="Domain.Metrics.MetricEventRules.SchemaPath"/>
/// and named by the events' <c>dataschema</c> (<see cref="Domain.Metrics.MetricEventRules.DataSchema"/>). The envelope is CloudEvents 1.0: <c>specversion</c>
/// "1.0", <c>id</c> (unique within its source; the platform keeps one sample per project, source
/// and id), <c>source</c>, <c>type</c> "cn.finpilot.supervision.metric.v1", <c>time</c> (when what
/// is measured happened; required here), optional <c>datacontenttype</c> "application/json".
/// </summary>
public static class MetricDataSchema
{
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "urn:finpilot:supervision:metric:v1",
          "title": "FinPilot metric sample (data of a cn.finpilot.supervision.metric.v1 CloudEvent)",
          "type": "object",
          "required": ["metric", "value", "periodStart", "periodEnd"],
          "properties": {
            "metric": { "type": "string", "pattern": "^[a-z][a-z0-9_.]*$", "maxLength": 64, "description": "A metric code of the pilot's supervision plan, e.g. customers, transactions, availability." },
            "value": { "type": "number", "description": "The value in the metric's unit; a counter's value is a whole number of at least 0." },
            "unit": { "type": "string", "description": "Optional; when given it must be the metric's unit in the plan (e.g. 户, 笔, CNY, %)." },
            "periodStart": { "type": "string", "format": "date", "description": "First day of the period measured (yyyy-MM-dd), inside the pilot's approved test window." },
            "periodEnd": { "type": "string", "format": "date", "description": "Last day of the period measured (yyyy-MM-dd), not before periodStart, inside the window." }
          },
          "additionalProperties": true
        }
        """;
}
