import Plot
