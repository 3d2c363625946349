"""coursekit: the Python side of ./course (kernel install, headless notebook runs, doctor).

The bash script ``course`` finds the JDK and the virtualenv and then calls ``python -m coursekit``.
"""
