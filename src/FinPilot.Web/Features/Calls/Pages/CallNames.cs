using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Calls.Pages;

/// <summary>Display text of call values in the current UI language.</summary>
public static class CallNames
{
    public static string Of(CallStatus status) => Lookup("Status_" + status, status.ToString());

    /// <summary>A field name as the revision history shows it ("BodyHtml" → 正文).</summary>
    public static string Field(string field) => Lookup("Field_" + field, field);

    /// <summary>第N批 / Batch N.</summary>
    public static string Batch(int number) => Format(CallsStrings.Call_Batch, number);

    /// <summary>The application window in Beijing time.</summary>
    public static string Window(Call call) =>
        Format(CallsStrings.Call_Window, ChinaTime.Format(call.OpensAt), ChinaTime.Format(call.ClosesAt));

    /// <summary>What a reader most wants to know: can I apply now?</summary>
    public static string Phase(Call call, DateTimeOffset now) => call.Status switch
    {
        CallStatus.Published when now < call.OpensAt => CallsStrings.Phase_Upcoming,
        CallStatus.Published when call.IsOpenAt(now) => CallsStrings.Phase_Open,
        _ => Of(call.Status),
    };

    public static string Format(string template, params object[] values) => string.Format(CultureInfo.CurrentUICulture, template, values);

    private static string Lookup(string key, string fallback) =>
        CallsStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? fallback;
}
