using FinPilot.Domain.Common;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Components.Forms;

namespace FinPilot.Web.Components.Shared;

/// <summary>
/// Shows a domain result's errors next to the fields they concern, in the user's language. Errors
/// with no field of the form go to <see cref="General"/>, shown above the form.
/// </summary>
public sealed class FormErrors
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;

    public FormErrors(EditContext context)
    {
        _context = context;
        _store = new ValidationMessageStore(context);
        context.OnValidationRequested += (_, _) => Clear();
        context.OnFieldChanged += (_, e) => _store.Clear(e.FieldIdentifier);
    }

    public List<string> General { get; } = [];

    /// <summary>Maps an error's field (e.g. "Contacts[0].Name") to the model and property that show it.</summary>
    public Func<string, FieldIdentifier?>? Resolve { get; set; }

    public void Clear()
    {
        _store.Clear();
        General.Clear();
    }

    public void Show(IEnumerable<Error> errors)
    {
        Clear();
        foreach (var error in errors)
        {
            var field = error.Field is null ? null : Resolve?.Invoke(error.Field) ?? FieldOf(error.Field);
            if (field is { } f)
            {
                _store.Add(f, ErrorText.Describe(error));
            }
            else
            {
                General.Add(ErrorText.Describe(error));
            }
        }

        _context.NotifyValidationStateChanged();
    }

    private FieldIdentifier? FieldOf(string name) =>
        _context.Model.GetType().GetProperty(name) is not null ? new FieldIdentifier(_context.Model, name) : null;
}
