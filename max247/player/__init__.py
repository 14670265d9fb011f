"""What runs a lesson's play beside the screens, without pygame: the class's votes (votes.py)
and what other front ends (a teacher's second window, controllers) read of it."""
