// Benchmarks — placeholder until the symbolic and minimize benchmarks land.
import CalcCore
let s = Session()
print(s.run("1+1").status)
