namespace FinPilot.Web.Components.Account;

/// <summary>
/// How a status message is shown. The kind travels with the text (as a parameter, or as a prefix
/// in the status cookie) instead of being guessed from the wording, so it works in every language.
/// </summary>
public enum StatusKind
{
    Success,
    Error,
}

/// <summary>Packs a status message and its kind into the short-lived status cookie and back.</summary>
internal static class StatusCookie
{
    private const string ErrorPrefix = "error:";
    private const string SuccessPrefix = "success:";

    public static string Encode(StatusKind kind, string message) =>
        (kind == StatusKind.Error ? ErrorPrefix : SuccessPrefix) + message;

    public static (StatusKind Kind, string Message) Decode(string value)
    {
        if (value.StartsWith(ErrorPrefix, StringComparison.Ordinal))
        {
            return (StatusKind.Error, value[ErrorPrefix.Length..]);
        }

        if (value.StartsWith(SuccessPrefix, StringComparison.Ordinal))
        {
            return (StatusKind.Success, value[SuccessPrefix.Length..]);
        }

        return (StatusKind.Success, value);
    }
}
