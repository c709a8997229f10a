using System.Text.Json;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>The public model frozen at publication, stored as JSON in a column of the casebook's row (a shadow property: the domain never reads it).</summary>
internal static class CasebookContent
{
    public const string Column = "PublicContent";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(CasebookModel model) => JsonSerializer.Serialize(model, Options);

    public static CasebookModel Read(string json) => JsonSerializer.Deserialize<CasebookModel>(json, Options) ?? throw new InvalidOperationException("A published casebook without its content.");
}
