using DigitalTwin.Engine.Population;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Interactive;

/// <summary>
/// Replays the run file's sample of trajectories (one day of some residents): where each sampled resident is at a
/// time of day, walking or cycling along a street or staying at a place, as dots coloured by age band.
/// </summary>
public sealed class ReplayAnimation
{
    /// <summary>Simulated seconds per real second at the start: a day in about two and a half minutes.</summary>
    public const double DefaultSpeed = 600;

    /// <summary>Replay starts at 7:00, when the first trips of the day are under way.</summary>
    public const double StartSecondsOfDay = 7 * 3600;

    private const float DotRadiusPixels = 2.5f;

    private readonly MapScene _scene;

    public ReplayAnimation(MapScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        _scene = scene;
    }

    public double TimeSeconds { get; set; } = StartSecondsOfDay;

    public double Speed { get; set; } = DefaultSpeed;

    public bool Paused { get; set; }

    public bool HasSample => _scene.Run.ReplaySegment.Length + _scene.Run.ReplayStayResident.Length > 0;

    /// <summary>Okabe and Ito's colour-blind safe palette, one colour per age band (children to older people).</summary>
    public static IReadOnlyList<Rgba> AgeBandColours { get; } =
    [
        Rgba.FromHex(0xE69F00), Rgba.FromHex(0x56B4E9), Rgba.FromHex(0x009E73), Rgba.FromHex(0xF0E442), Rgba.FromHex(0xCC79A7),
    ];

    public static IReadOnlyList<string> AgeBandNames { get; } = ["0-14", "15-24", "25-44", "45-64", "65+"];

    /// <summary>The ring drawn where an encounter happens during a replay.</summary>
    public static Rgba EncounterFlash { get; } = new(255, 255, 255);

    /// <summary>Day seconds an encounter stays lit at the default replay speed (300 s of day: half a second on screen).</summary>
    public const double FlashReplaySeconds = 300;

    public void Advance(double realSeconds)
    {
        if (!Paused)
        {
            TimeSeconds = (TimeSeconds + (realSeconds * Speed)) % 86_400;
        }
    }

    /// <summary>Fills the mesh with a dot per sampled resident out at the current time; returns how many.</summary>
    public int Build(MarkerMesh dots)
    {
        ArgumentNullException.ThrowIfNull(dots);
        dots.Clear();
        var run = _scene.Run;
        var geometry = _scene.Geometry;
        float t = (float)TimeSeconds;
        int count = 0;
        for (int i = 0; i < run.ReplaySegment.Length; i++)
        {
            float entry = run.ReplayEntrySeconds[i], exit = run.ReplayExitSeconds[i];
            if (t < entry || t >= exit)
            {
                continue;
            }
            float f = exit > entry ? (t - entry) / (exit - entry) : 0;
            double offset = run.ReplayFromOffsetMetres[i] + ((run.ReplayToOffsetMetres[i] - run.ReplayFromOffsetMetres[i]) * f);
            var (x, y) = geometry.PointAlong(run.ReplaySegment[i], offset);
            Dot(dots, x, y, run.ReplayResident[i]);
            count++;
        }
        // Encounters flash where they happen: a ring for the contact and a few replay seconds after it, so a short
        // passing is still visible at replay speed.
        for (int i = 0; i < run.ReplayEncounterStartSeconds.Length; i++)
        {
            float start = run.ReplayEncounterStartSeconds[i];
            float end = start + Math.Max(run.ReplayEncounterDurationSeconds[i], (float)(FlashReplaySeconds * Speed / DefaultSpeed));
            if (t < start || t >= end)
            {
                continue;
            }
            int place = run.ReplayEncounterPlace[i];
            var (x, y) = place >= 0 && place < run.PlaceCount
                ? (run.PlaceX[place], run.PlaceY[place])
                : geometry.PointAlong(run.ReplayEncounterSegment[i], run.ReplayEncounterPositionMetres[i]);
            dots.Disc(x, y, 0, 0, DotRadiusPixels + 4, EncounterFlash);
            dots.Disc(x, y, 0, 0, DotRadiusPixels + 2, MapAnnotations.Background);
        }
        for (int i = 0; i < run.ReplayStayResident.Length; i++)
        {
            if (t < run.ReplayStayStartSeconds[i] || t >= run.ReplayStayEndSeconds[i])
            {
                continue;
            }
            int place = run.ReplayStayPlace[i];
            var (x, y) = place >= 0 && place < run.PlaceCount
                ? (run.PlaceX[place], run.PlaceY[place])
                : geometry.PointAlong(run.ReplayStaySegment[i], run.ReplayStayOffsetMetres[i]);
            Dot(dots, x, y, run.ReplayStayResident[i]);
            count++;
        }
        return count;
    }

    private void Dot(MarkerMesh dots, float x, float y, int resident)
    {
        var bands = _scene.Run.ResidentAgeBand;
        int band = resident >= 0 && resident < bands.Length ? Math.Min(bands[resident], (byte)(AgeBandColours.Count - 1)) : (int)AgeBand.YoungAdult;
        dots.Disc(x, y, 0, 0, DotRadiusPixels + 1, MapAnnotations.Background);
        dots.Disc(x, y, 0, 0, DotRadiusPixels, AgeBandColours[band]);
    }
}
