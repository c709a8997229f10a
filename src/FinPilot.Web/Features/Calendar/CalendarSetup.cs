namespace FinPilot.Web.Features.Calendar;

public static class CalendarSetup
{
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkingCalendarProvider>();
        builder.Services.AddScoped<CalendarAdministration>();
        builder.Services.AddScoped<CalendarSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app) => app.MapCalendarApi();
}
