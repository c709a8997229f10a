namespace FinPilot.Web.Features.Calendar;

public static class CalendarSetup
{
    public static IServiceCollection AddFinPilotCalendar(this IServiceCollection services)
    {
        services.AddSingleton<WorkingCalendarProvider>();
        services.AddScoped<CalendarAdministration>();
        services.AddScoped<CalendarSeeder>();
        return services;
    }
}
