namespace BoardKit.Gateway.Pictograms
{
    /// <summary>The pictograms drawn for 16-px panels, 16x16 px, one string per row from the top; the key is
    /// <see cref="PictogramColours"/>. BoardKit's own drawings (not taken from an icon set).</summary>
    internal static class PictogramArt16
    {
        public static readonly string[] Warning =
        {
            "................",
            ".......RR.......",
            ".......RR.......",
            "......RRRR......",
            "......R..R......",
            ".....RR..RR.....",
            ".....R.WW.R.....",
            "....RR.WW.RR....",
            "...RR..WW..RR...",
            "...RR..WW..RR...",
            "..RR........RR..",
            "..RR...WW...RR..",
            ".RR..........RR.",
            ".RR..........RR.",
            "RRRRRRRRRRRRRRRR",
            "................",
        };

        public static readonly string[] Flood =
        {
            "RRRRRRRRRRRRRRRR",
            "R..............R",
            "R......WW......R",
            "R.....WWWW.....R",
            "R....WWWWWW....R",
            "R...WWWWWWWW...R",
            "R..WWWWWWWWWW..R",
            "R...WWWWWWWW...R",
            "R...WWW..WWW...R",
            "R...WWW..WWW...R",
            "RBBB....BBBB...R",
            "R...BBBB....BBBR",
            "R...BBBB....BBBR",
            "RBBB....BBBB...R",
            "R..............R",
            "RRRRRRRRRRRRRRRR",
        };

        public static readonly string[] Landslide =
        {
            "RRRRRRRRRRRRRRRR",
            "R..............R",
            "R.....A........R",
            "R.....A.......AR",
            "R............AAR",
            "R...AA......AAAR",
            "R...AA....AAAAAR",
            "R........AAAAAAR",
            "R.A.....AAAAAAAR",
            "R.A....AAAAAAAAR",
            "R.....AAAAAAAAAR",
            "R...AAAAAAAAAAAR",
            "R..............R",
            "RWWWWWWWWWWWWWWR",
            "R..............R",
            "RRRRRRRRRRRRRRRR",
        };

        public static readonly string[] Storm =
        {
            "RRRRRRRRRRRRRRRR",
            "R..............R",
            "R........WW....R",
            "R....WWWWWWW...R",
            "R...WWWWWWWWW..R",
            "R..WWWWWWWWWW..R",
            "R.WWWWWWWWWWWW.R",
            "R.WWWWWWWWWWWWWR",
            "R.WWWWWWYYWWWW.R",
            "R..W...YY......R",
            "R......Y.YY....R",
            "R.....YYYY.....R",
            "R.......Y......R",
            "R......Y.......R",
            "R..............R",
            "RRRRRRRRRRRRRRRR",
        };

        public static readonly string[] Fire =
        {
            "RRRRRRRRRRRRRRRR",
            "R..............R",
            "R......AA......R",
            "R......AAA.A...R",
            "R......AAAAA...R",
            "R...A.AAAAAA...R",
            "R...AAAAAAAAA..R",
            "R..AAAAYYAAAA..R",
            "R..AAAYYYYAAA..R",
            "R..AAAYYYYAAA..R",
            "R..AAAYYYYAAA..R",
            "R..AAAYYYYAAA..R",
            "R...AAYYYYAA...R",
            "R....AAAAAA....R",
            "R..............R",
            "RRRRRRRRRRRRRRRR",
        };

        public static readonly string[] Epidemic =
        {
            "RRRRRRRRRRRRRRRR",
            "R..............R",
            "R....AA..AA....R",
            "R....AA..AA....R",
            "R.....AAAA.....R",
            "R.AA.AAAAAA.AA.R",
            "R.AAAA..AAAAAA.R",
            "R...AA..AAAA...R",
            "R...AAAA..AA...R",
            "R.AAAA.A..AAAA.R",
            "R.AA.AAAAAA.AA.R",
            "R.....AAAA.....R",
            "R....AA..AA....R",
            "R....AA..AA....R",
            "R..............R",
            "RRRRRRRRRRRRRRRR",
        };

        public static readonly string[] Information =
        {
            ".....AAAAAA.....",
            "...AAAAAAAAAA...",
            "..AAAAAAAAAAAA..",
            ".AAAAAA..AAAAAA.",
            ".AAAAAA..AAAAAA.",
            "AAAAAAAAAAAAAAAA",
            "AAAAAA...AAAAAAA",
            "AAAAAAA..AAAAAAA",
            "AAAAAAA..AAAAAAA",
            "AAAAAAA..AAAAAAA",
            "AAAAAAA..AAAAAAA",
            ".AAAAAA..AAAAAA.",
            ".AAAAA....AAAAA.",
            "..AAAAAAAAAAAA..",
            "...AAAAAAAAAA...",
            ".....AAAAAA.....",
        };

        public static readonly string[] Vaccination =
        {
            "................",
            "..............W.",
            ".............W..",
            "............W...",
            ".........WWW....",
            "........WWWW....",
            ".......WAWWW....",
            "......WAAAW.....",
            ".....WAAAW......",
            "....WAAAW.......",
            "..WWAAAW........",
            "..WWAAW.........",
            ".WWWWW..........",
            ".WWWWW..........",
            "WWWW............",
            "WW..............",
        };

        public static readonly string[] Announcement =
        {
            "................",
            "................",
            "................",
            ".......AA.......",
            "......AAA....A..",
            ".....AAAA..A.AA.",
            ".AAAAAAAA..AA.A.",
            ".AAAAAAAA...A.A.",
            ".AAAAAAAA...A.A.",
            ".AAAAAAAA..AA.A.",
            ".....AAAA..A.AA.",
            "......AAA....A..",
            ".......AA.......",
            "................",
            "................",
            "................",
        };

        public static readonly string[] PowerCut =
        {
            "................",
            ".RR......YY.....",
            ".RRR....YY......",
            "..RRR...YY......",
            "...RRR.YYY......",
            "....RRRYY.......",
            ".....RRRY.......",
            ".....YRRRYYY....",
            "....YYYRRRY.....",
            "........RRR.....",
            ".......YYRRR....",
            ".......YY.RRR...",
            ".......Y...RRR..",
            "......Y.....RRR.",
            ".............RR.",
            "................",
        };
    }
}
