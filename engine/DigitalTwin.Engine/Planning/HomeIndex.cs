using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Planning;

/// <summary>
/// The homes of the map in a uniform grid, for choosing whom a resident visits: every other home within the visiting
/// radius (in whole cells) is equally likely. The choice is a race in two rounds (<see cref="RandomStream.RaceTime"/>):
/// first the grid cells within reach, each weighted by its homes and keyed by where it lies, then the homes of the
/// winning cell,
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
    /// Another home in a cell whose centre lies within <paramref name="radiusMetres"/> of <paramref name="ownHome"/>'s,
    /// each equally likely, chosen by the race <paramref name="decision"/> (one number from the resident's stream); -1
    /// when there is none. The reach is counted in whole cells of 100 m, so that a choice weighs a few hundred cells and
    /// never the homes one by one (a city's visits are tens of thousands a day).
    /// </summary>
    public int Choose(int ownHome, double radiusMetres, ulong decision)
    {
        if (_byCell.Length < 2)
        {
            return -1;
        }
        var own = _homes[ownHome];
        long ownColumn = Column(own.X), ownRow = Column(own.Y);
        int ownCell = Cell(ownColumn - _firstColumn, ownRow - _firstRow);
        double reachSquared = radiusMetres * radiusMetres;
        long reachCells = (long)Math.Ceiling(radiusMetres / CellMetres);
        long fromColumn = Math.Max(_firstColumn, ownColumn - reachCells), toColumn = Math.Min(_firstColumn + _columns - 1, ownColumn + reachCells);
        long fromRow = Math.Max(_firstRow, ownRow - reachCells), toRow = Math.Min(_firstRow + _rows - 1, ownRow + reachCells);
        int bestCell = -1;
        double bestTime = double.PositiveInfinity;
        for (long row = fromRow; row <= toRow; row++)
        {
            double dy = ((row + 0.5) * CellMetres) - own.Y;
            for (long column = fromColumn; column <= toColumn; column++)
            {
                double dx = ((column + 0.5) * CellMetres) - own.X;
                if ((dx * dx) + (dy * dy) > reachSquared)
                {
                    continue;
                }
                int cell = Cell(column - _firstColumn, row - _firstRow);
                int homes = _cellStart[cell + 1] - _cellStart[cell] - (cell == ownCell ? 1 : 0);
                if (homes <= 0)
                {
                    continue;
                }
                double time = RandomStream.RaceTime(decision, RandomStream.KeyOf(((ulong)column << 32) ^ (uint)row), homes);
                if (time < bestTime)
                {
                    (bestTime, bestCell) = (time, cell);
                }
            }
        }
        if (bestCell < 0)
        {
            return -1;
        }
        ulong second = RandomStream.KeyOf(decision ^ 0x5DEECE66DUL);
        int winner = -1;
        double winnerTime = double.PositiveInfinity;
        for (int k = _cellStart[bestCell]; k < _cellStart[bestCell + 1]; k++)
        {
            int home = _byCell[k];
            double time = home == ownHome ? double.PositiveInfinity : RandomStream.RaceTime(second, RandomStream.KeyOf((ulong)home), 1);
            if (time < winnerTime)
            {
                (winnerTime, winner) = (time, home);
            }
        }
        return winner;
    }

    private static long Column(double metres) => (long)Math.Floor(metres / CellMetres);

    private int Cell(long column, long row) => (int)((row * _columns) + column);
}
