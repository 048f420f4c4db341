using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Planning;

/// <summary>
/// The homes of the map in a uniform grid, for choosing whom a resident visits: every other home within the visiting
/// radius is equally likely. The choice is a race in two rounds (<see cref="RandomStream.RaceTime"/>): first the grid
/// cells, each weighted by its homes within the radius and keyed by where it lies, then the homes of the winning cell,
/// keyed by their index. So a home added by a variant changes only visits that now go to its cell (100 m: the home or
/// its neighbours), and homes added far away change no one's host; drawing a home index from all homes instead moved
/// every host when the number of homes changed.
/// Home indices are stable across variants: new housing appends its homes.
/// </summary>
internal sealed class HomeIndex
{
    /// <summary>Small enough that a disc of a visiting radius is mostly whole cells, large enough that there are few of them.</summary>
    private const double CellMetres = 100;

    private readonly HomeSet _homes;
    private readonly long _firstColumn;
    private readonly long _firstRow;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _cellStart;
    private readonly int[] _byCell; // home indices, cell by cell

    public HomeIndex(HomeSet homes)
    {
        _homes = homes;
        if (homes.Count == 0)
        {
            _cellStart = [0];
            _byCell = [];
            return;
        }
        long minColumn = long.MaxValue, minRow = long.MaxValue, maxColumn = long.MinValue, maxRow = long.MinValue;
        for (int h = 0; h < homes.Count; h++)
        {
            long column = Column(homes[h].X), row = Column(homes[h].Y);
            (minColumn, maxColumn) = (Math.Min(minColumn, column), Math.Max(maxColumn, column));
            (minRow, maxRow) = (Math.Min(minRow, row), Math.Max(maxRow, row));
        }
        (_firstColumn, _firstRow) = (minColumn, minRow);
        _columns = (int)(maxColumn - minColumn + 1);
        _rows = (int)(maxRow - minRow + 1);
        _cellStart = new int[(_columns * _rows) + 1];
        var cellOf = new int[homes.Count];
        for (int h = 0; h < homes.Count; h++)
        {
            cellOf[h] = Cell(Column(homes[h].X) - _firstColumn, Column(homes[h].Y) - _firstRow);
            _cellStart[cellOf[h] + 1]++;
        }
        for (int c = 0; c < _columns * _rows; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }
        _byCell = new int[homes.Count];
        var fill = _cellStart[..^1];
        for (int h = 0; h < homes.Count; h++)
        {
            _byCell[fill[cellOf[h]]++] = h;
        }
    }

    /// <summary>
    /// Another home within <paramref name="radiusMetres"/> of <paramref name="ownHome"/>, each equally likely, chosen by
    /// the race <paramref name="decision"/> (one number from the resident's stream); -1 when there is none.
    /// </summary>
    public int Choose(int ownHome, double radiusMetres, ulong decision)
    {
        if (_byCell.Length < 2)
        {
            return -1;
        }
        var own = _homes[ownHome];
        double radiusSquared = radiusMetres * radiusMetres;
        long fromColumn = Math.Max(_firstColumn, Column(own.X - radiusMetres)), toColumn = Math.Min(_firstColumn + _columns - 1, Column(own.X + radiusMetres));
        long fromRow = Math.Max(_firstRow, Column(own.Y - radiusMetres)), toRow = Math.Min(_firstRow + _rows - 1, Column(own.Y + radiusMetres));
        int ownCell = Cell(Column(own.X) - _firstColumn, Column(own.Y) - _firstRow);
        int bestCell = -1;
        bool bestWhole = false;
        double bestTime = double.PositiveInfinity;
        for (long row = fromRow; row <= toRow; row++)
        {
            for (long column = fromColumn; column <= toColumn; column++)
            {
                int cell = Cell(column - _firstColumn, row - _firstRow);
                int count = _cellStart[cell + 1] - _cellStart[cell];
                if (count == 0)
                {
                    continue;
                }
                // A cell whose farthest corner lies within the radius counts all its homes; one the circle crosses, or
                // the resident's own, counts those within the radius other than the resident's.
                double farX = Math.Max(Math.Abs((column * CellMetres) - own.X), Math.Abs(((column + 1) * CellMetres) - own.X));
                double farY = Math.Max(Math.Abs((row * CellMetres) - own.Y), Math.Abs(((row + 1) * CellMetres) - own.Y));
                bool whole = (farX * farX) + (farY * farY) <= radiusSquared && cell != ownCell;
                int eligible = whole ? count : Eligible(cell, ownHome, own, radiusSquared, decision: null).Count;
                if (eligible == 0)
                {
                    continue;
                }
                double time = RandomStream.RaceTime(decision, RandomStream.KeyOf(((ulong)column << 32) ^ (uint)row), eligible);
                if (time < bestTime)
                {
                    (bestTime, bestCell, bestWhole) = (time, cell, whole);
                }
            }
        }
        if (bestCell < 0)
        {
            return -1;
        }
        ulong second = RandomStream.KeyOf(decision ^ 0x5DEECE66DUL);
        if (!bestWhole)
        {
            return Eligible(bestCell, ownHome, own, radiusSquared, second).Winner;
        }
        int winner = -1;
        double winnerTime = double.PositiveInfinity;
        for (int k = _cellStart[bestCell]; k < _cellStart[bestCell + 1]; k++)
        {
            double time = RandomStream.RaceTime(second, RandomStream.KeyOf((ulong)_byCell[k]), 1);
            if (time < winnerTime)
            {
                (winnerTime, winner) = (time, _byCell[k]);
            }
        }
        return winner;
    }

    /// <summary>The homes of a cell within the radius, other than the resident's; with a decision, also the race's winner among them.</summary>
    private (int Count, int Winner) Eligible(int cell, int ownHome, HomeRecord own, double radiusSquared, ulong? decision)
    {
        int count = 0, winner = -1;
        double winnerTime = double.PositiveInfinity;
        for (int k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
        {
            int home = _byCell[k];
            var h = _homes[home];
            double dx = h.X - own.X, dy = h.Y - own.Y;
            if (home == ownHome || (dx * dx) + (dy * dy) > radiusSquared)
            {
                continue;
            }
            count++;
            if (decision is { } d)
            {
                double time = RandomStream.RaceTime(d, RandomStream.KeyOf((ulong)home), 1);
                if (time < winnerTime)
                {
                    (winnerTime, winner) = (time, home);
                }
            }
        }
        return (count, winner);
    }

    private static long Column(double metres) => (long)Math.Floor(metres / CellMetres);

    private int Cell(long column, long row) => (int)((row * _columns) + column);
}
